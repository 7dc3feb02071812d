/**
 * Camunda's own Node SDK (`@camunda8/sdk` 8.8, its REST client) against our Camunda server: what a
 * team with existing Camunda code runs. It must create users and search them with a sort, as it
 * sends them (`order: "DESC"`), on each store.
 */
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { ADMIN } from '../support/admin.ts';
import { storeTargets, storeTitle } from '../support/stores.ts';
import { useServer } from '../support/use-server.ts';

// The SDK ships CommonJS; loading it through require keeps its own module resolution.
const { Camunda8 } = createRequire(import.meta.url)('@camunda8/sdk') as typeof import('@camunda8/sdk');

const stores = await storeTargets("Camunda's Node SDK against the server on PostgreSQL");

for (const store of stores) {
  describe.skipIf(!store.available)(`@camunda8/sdk against the Camunda server on ${storeTitle(store)}`, () => {
    const started = useServer('camunda', store);
    const rest = () =>
      new Camunda8({
        // The SDK appends the API version (`/v2`) itself.
        ZEEBE_REST_ADDRESS: started().server.origin,
        CAMUNDA_AUTH_STRATEGY: 'BASIC',
        CAMUNDA_BASIC_AUTH_USERNAME: ADMIN.username,
        CAMUNDA_BASIC_AUTH_PASSWORD: ADMIN.password,
        CAMUNDA_LOG_LEVEL: 'none',
      }).getCamundaRestClient();

    it('creates users and searches them with the sort order it sends (DESC, ASC)', async () => {
      const client = rest();
      const b = (await client.createUser({ username: 'sdk.b', password: 'sdk-Passw0rd', name: 'B', email: 'b@example.com' })) as unknown as { userKey: number };
      const a = (await client.createUser({ username: 'sdk.a', password: 'sdk-Passw0rd', name: 'A', email: 'a@example.com' })) as unknown as { userKey: number };
      expect(Number.isSafeInteger(a.userKey) && Number.isSafeInteger(b.userKey)).toBe(true);

      const search = (order: 'ASC' | 'DESC') =>
        client.searchUsers({ sort: [{ field: 'name', order }] } as never) as Promise<{ items: { username: string }[]; page: { totalItems: number } }>;
      const descending = await search('DESC');
      expect(descending.items.map((user) => user.username).filter((name) => name.startsWith('sdk.'))).toEqual(['sdk.b', 'sdk.a']);
      const ascending = await search('ASC');
      expect(ascending.items.map((user) => user.username).filter((name) => name.startsWith('sdk.'))).toEqual(['sdk.a', 'sdk.b']);
      expect(ascending.page.totalItems).toBe(descending.page.totalItems);
    });
  });
}
