/**
 * 50 concurrent creates of one username over HTTP: the store's unique index, not a check before
 * the insert, decides, so exactly one succeeds and every other gets the API's "taken" error.
 */
import { describe, expect, it } from 'vitest';
import { createCamundaClient } from '@repo/camunda-client';
import { createOnezoneClient } from '@repo/onezone-client';
import { camundaSpec } from '@repo/specs/camunda';
import { onezoneSpec } from '@repo/specs/onezone';
import { ADMIN } from '../support/admin.ts';
import { checkedFetch, failOnViolations } from '@repo/test-kit';
import { storeTargets, storeTitle } from '../support/stores.ts';
import { useServers } from '../support/use-server.ts';

const CREATES = 50;
const stores = await storeTargets('concurrency tests on PostgreSQL');
const camundaFetch = checkedFetch(camundaSpec);
const onezoneFetch = checkedFetch(onezoneSpec);
failOnViolations(camundaFetch);
failOnViolations(onezoneFetch);

const tally = (statuses: number[]) => statuses.reduce<Record<number, number>>((counts, s) => ({ ...counts, [s]: (counts[s] ?? 0) + 1 }), {});

for (const store of stores) {
  describe.skipIf(!store.available)(`on ${storeTitle(store)}`, () => {
    const started = useServers(store, ['camunda', 'onezone']);

    describe('Camunda', () => {
      it(`lets exactly one of ${CREATES} concurrent creates of one username succeed; the others get 409`, async () => {
        const client = createCamundaClient({ baseUrl: started.camunda().server.baseUrl, auth: ADMIN, fetch: camundaFetch });
        const results = await Promise.all(
          Array.from({ length: CREATES }, (_, i) => client.POST('/users', { body: { username: 'race', password: `race-${i}-Passw0rd` } })),
        );
        expect(tally(results.map((r) => r.response.status))).toEqual({ 202: 1, 409: CREATES - 1 });
        for (const { error } of results.filter((r) => r.response.status === 409)) expect(error).toMatchObject({ title: 'ALREADY_EXISTS' });
        const { data } = await client.POST('/users/search', { body: { filter: { username: 'race' } } });
        expect(data!.page.totalItems).toBe(1);
      });
    });

    describe('Onezone', () => {
      it(`lets exactly one of ${CREATES} concurrent creates of one username succeed; the others get 400 badValueIdentifierOccupied`, async () => {
        const client = createOnezoneClient({ baseUrl: started.onezone().server.baseUrl, auth: ADMIN, fetch: onezoneFetch });
        const before = (await client.GET('/users')).data!.users;
        const results = await Promise.all(
          Array.from({ length: CREATES }, (_, i) => client.POST('/users', { body: { username: 'race', password: `race-${i}-Passw0rd` } })),
        );
        expect(tally(results.map((r) => r.response.status))).toEqual({ 201: 1, 400: CREATES - 1 });
        for (const { error } of results.filter((r) => r.response.status === 400)) {
          expect(error).toMatchObject({ error: { id: 'badValueIdentifierOccupied', details: { key: 'username' } } });
        }
        const after = (await client.GET('/users')).data!.users;
        expect(after.filter((id) => !before.includes(id))).toHaveLength(1);
      });
    });
  });
}
