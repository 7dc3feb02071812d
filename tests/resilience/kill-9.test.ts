/**
 * A server killed with SIGKILL under write load (a crash, the OOM killer, a pulled plug of the
 * container) loses nothing it acknowledged: after a restart on the same data every user whose
 * create got a 2xx is there. On each store, for each API.
 */
import { describe, expect, it } from 'vitest';
import { storeTargets, storeTitle, startOnStore } from '../support/stores.ts';
import { startLoad, waitUntil } from '../support/load.ts';
import { allUserIds, createUser } from './api-calls.ts';

const stores = await storeTargets('kill -9 tests on PostgreSQL');

for (const store of stores) {
  describe.skipIf(!store.available)(`kill -9 under write load on ${storeTitle(store)}`, () => {
    for (const api of ['camunda', 'onezone'] as const) {
      it(`${api}: keeps every acknowledged user`, async () => {
        const started = await startOnStore(api, store);
        try {
          const target = { api, baseUrl: started.server.baseUrl };
          const acknowledged = new Set<string>();
          const load = startLoad(4, async (worker, sequence) => {
            const answer = await createUser(target, `k${worker}-${sequence}`, { timeoutMs: 5000 });
            if (answer.created !== undefined) acknowledged.add(answer.created);
            return answer.status;
          });
          await waitUntil('some users are acknowledged', () => acknowledged.size >= 20, 20_000);
          // Killed while creates are in flight: those get a network error and were never acknowledged.
          await started.server.kill();
          const outcomes = await load.stop();
          expect(outcomes.some((o) => !o.result.ok)).toBe(true);
          expect(outcomes.filter((o) => o.result.ok && o.result.value !== (api === 'camunda' ? 202 : 201))).toEqual([]);

          const again = await started.restart();
          const present = await allUserIds({ api, baseUrl: again.baseUrl });
          const lost = [...acknowledged].filter((id) => !present.has(id));
          expect(lost).toEqual([]);
        } finally {
          await started.dispose();
        }
      }, 90_000);
    }
  });
}
