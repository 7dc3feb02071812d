/**
 * The generated contract suite of one API: the real server on each store (SQLite, and PostgreSQL
 * as `storeTargets` finds it) and the Prism mock, each fuzzed with `FUZZ_REQUESTS` (default 2,000)
 * requests from `FUZZ_SEED` (drawn and printed when unset). A server must pass every check and
 * reach every documented (operation, status) pair not excused in `coverage-exceptions.yaml`; the
 * mock must pass the checks that apply to a stateless mock and serve every named example.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startMock, type RunningMock } from '@repo/mock';
import { ADMIN } from '../support/admin.ts';
import type { ApiName } from '../support/apis.ts';
import { storeTargets, storeTitle } from '../support/stores.ts';
import { useServer } from '../support/use-server.ts';
import { repositoryApi } from './fuzz-apis.ts';
import { fuzzTarget, mockExampleCoverage, serverCoverage, type FuzzRun } from './fuzz-run.ts';
import { fuzzSettings, settingsLine } from './settings.ts';

/** Requests per target in `npm test` unless `FUZZ_REQUESTS` says otherwise. */
export const TEST_REQUESTS = 2_000;
// 2,000 requests take seconds to a minute on a busy 2-core machine; shrinking adds some.
const RUN_TIMEOUT_MS = 600_000;

/** Defines the suite of `name` (call at the top level of its test file). */
export async function fuzzSuite(name: ApiName): Promise<void> {
  const api = repositoryApi(name);
  const settings = fuzzSettings(process.env, { requests: TEST_REQUESTS });
  const stores = await storeTargets(`the generated contract suite of ${name} on PostgreSQL`);
  const harDir = mkdtempSync(join(tmpdir(), `fuzz-${name}-`));
  afterAll(() => rmSync(harDir, { recursive: true, force: true }));
  console.log(settingsLine(`generated contract suite of ${name}`, settings));

  for (const store of stores) {
    describe.skipIf(!store.available)(`${name} server on ${storeTitle(store)}`, () => {
      const started = useServer(name, store);
      let run: FuzzRun | undefined;

      it(`passes every check on ${settings.requests} generated requests`, async () => {
        const { server } = started();
        run = await fuzzTarget({
          api,
          name: `${name} (${store.name})`,
          kind: 'server',
          baseUrl: server.baseUrl,
          credentials: ADMIN,
          requests: settings.requests,
          seed: settings.seed,
          harFile: join(harDir, `${store.name}.har`),
        });
        console.log(run.text);
        expect(run.failures, `failed checks (seed ${settings.seed}; the curl lines are in the report above)`).toEqual([]);
      }, RUN_TIMEOUT_MS);

      it('reaches every documented (operation, status), or the exceptions file says why not', async () => {
        if (run === undefined) throw new Error('the generated run did not complete, so there is no traffic to measure');
        const { server, databaseUrl } = started();
        const coverage = await serverCoverage(run, { api: name, dataDir: server.dataDir, databaseUrl });
        console.log(coverage.text);
        expect(coverage.problems).toEqual([]);
      }, RUN_TIMEOUT_MS);
    });
  }

  describe(`${name} mock (Prism)`, () => {
    let mock: RunningMock | undefined;
    // Prism's own output, shown when it dies under the run (the report then only says "no answer").
    const prismLines: string[] = [];
    let prismExit: number | null | undefined;
    beforeAll(async () => {
      mock = await startMock({
        api: name,
        port: 0,
        watch: false,
        onLine: (line) => prismLines.push(line),
        onExit: (code) => (prismExit = code),
      });
    });
    afterAll(() => mock?.close());

    // First: a request that crashes the mock must not hide whether it serves its examples.
    it('serves every named example of every response as written', async () => {
      const examples = await mockExampleCoverage(api, `${name} (mock)`, mock!.baseUrl, ADMIN);
      console.log(examples.text);
      expect(examples.problems).toEqual([]);
    });

    it(`passes the checks that apply to a stateless mock on ${settings.requests} generated requests`, async () => {
      const run = await fuzzTarget({
        api,
        name: `${name} (mock)`,
        kind: 'mock',
        baseUrl: mock!.baseUrl,
        credentials: ADMIN,
        requests: settings.requests,
        seed: settings.seed,
        harFile: join(harDir, 'mock.har'),
      }).finally(() => {
        if (prismExit !== undefined) console.log(`Prism exited with code ${prismExit} during the run; its last lines:\n${prismLines.slice(-15).join('\n')}`);
      });
      console.log(run.text);
      expect(run.failures, `failed checks (seed ${settings.seed}; the curl lines are in the report above)`).toEqual([]);
    }, RUN_TIMEOUT_MS);
  });
}
