/**
 * The typed Camunda client against the running server over HTTP, on each store: what needs the
 * real process and the real store (users written and read back, 403 from stored permissions, 404,
 * 409, 500 when the store fails, the log), each response checked against the spec. Refusals that
 * never reach the store (400, 401, 413, 415) are tested once in apps/camunda, and per operation on
 * a real server by tests/parity.
 */
import { describe, expect, it } from 'vitest';
import { createCamundaClient, type CamundaClient } from '@repo/camunda-client';
import { camundaSpec } from '@repo/specs/camunda';
import { ADMIN, type Credentials } from '../support/admin.ts';
import { withBrokenStore } from '../support/break-store.ts';
import { checkedFetch, failOnViolations } from '@repo/test-kit';
import { storeTargets, storeTitle } from '../support/stores.ts';
import { useServer } from '../support/use-server.ts';

const stores = await storeTargets('contract tests of the Camunda server on PostgreSQL');
const checked = checkedFetch(camundaSpec);
failOnViolations(checked);

for (const store of stores) {
  describe.skipIf(!store.available)(`Camunda server on ${storeTitle(store)}`, () => {
    const started = useServer('camunda', store);
    const passwords = new Set<string>([ADMIN.password]);
    const as = (auth?: Credentials): CamundaClient =>
      createCamundaClient({ baseUrl: started().server.baseUrl, fetch: checked, ...(auth ? { auth } : {}) });
    const admin = () => as(ADMIN);

    /** Creates a user as the admin; returns its key and credentials. */
    async function createUser(username: string, extra: { name?: string; email?: string } = {}) {
      const credentials = { username, password: `${username}-Passw0rd` };
      passwords.add(credentials.password);
      const { data, response } = await admin().POST('/users', { body: { ...credentials, ...extra } });
      expect(response.status).toBe(202);
      return { key: data!.userKey, credentials };
    }

    /** Asserts a problem+json error of a typed-client result. */
    async function expectProblem(result: { response: Response; error?: unknown }, status: number, title: string) {
      expect(result.response.status).toBe(status);
      expect(result.response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
      const body = result.error as { title?: string; status?: number; detail?: string };
      expect(body).toMatchObject({ title, status });
      return body;
    }

    describe('createUser', () => {
      it('answers 202 with a userKey that JavaScript reads exactly', async () => {
        const { data, response } = await admin().POST('/users', {
          body: { username: 'jdoe', password: 'jdoe-Passw0rd', name: 'Jane Doe', email: 'jane.doe@example.com' },
        });
        passwords.add('jdoe-Passw0rd');
        expect(response.status).toBe(202);
        expect(Number.isSafeInteger(data!.userKey)).toBe(true);
      });

      it('answers 403 to a user created through the API', async () => {
        const { credentials } = await createUser('plain.creator');
        const result = await as(credentials).POST('/users', { body: { username: 'other', password: 'other-Passw0rd' } });
        await expectProblem(result, 403, 'FORBIDDEN');
      });

      it('answers 409 when the username is taken', async () => {
        await createUser('taken');
        const result = await admin().POST('/users', { body: { username: 'taken', password: 'again-Passw0rd' } });
        const problem = await expectProblem(result, 409, 'ALREADY_EXISTS');
        expect(problem.detail).toContain("'taken'");
      });

    });

    describe('searchUsers', () => {
      it('answers 200 with the user a filter names, without its password', async () => {
        const { key } = await createUser('findme', { name: 'Find Me', email: 'find.me@example.com' });
        const { data, response } = await admin().POST('/users/search', { body: { filter: { username: 'findme' } } });
        expect(response.status).toBe(200);
        expect(data).toEqual({ items: [{ key, username: 'findme', name: 'Find Me', email: 'find.me@example.com' }], page: { totalItems: 1 } });
      });

      it('answers 200 with one sorted page and the total over all pages', async () => {
        for (const username of ['page.a', 'page.b', 'page.c']) await createUser(username, { name: 'Paged' });
        const { data } = await admin().POST('/users/search', {
          body: { filter: { name: 'Paged' }, sort: [{ field: 'username', order: 'desc' }], page: { from: 0, limit: 2 } },
        });
        expect(data!.items.map((user) => user.username)).toEqual(['page.c', 'page.b']);
        expect(data!.page.totalItems).toBe(3);
      });

      it('answers 403 to a user created through the API', async () => {
        const { credentials } = await createUser('plain.searcher');
        const result = await as(credentials).POST('/users/search', { body: {} });
        await expectProblem(result, 403, 'FORBIDDEN');
      });
    });

    describe('updateUser', () => {
      it('answers 204 and changes the user in place: same key, new name, new password at once', async () => {
        const { key, credentials } = await createUser('updated', { name: 'Before' });
        // Signed in once, so any cache of the old password is warm.
        expect((await as(credentials).POST('/users/search', { body: {} })).response.status).toBe(403);
        const password = 'updated-N3w-Passw0rd';
        passwords.add(password);
        const { response } = await admin().PUT('/users/{userKey}', { params: { path: { userKey: key } }, body: { name: 'After', password } });
        expect(response.status).toBe(204);
        const { data } = await admin().POST('/users/search', { body: { filter: { username: 'updated' } } });
        expect(data!.items).toEqual([{ key, username: 'updated', name: 'After' }]);
        await expectProblem(await as(credentials).POST('/users/search', { body: {} }), 401, 'UNAUTHORIZED');
        expect((await as({ username: 'updated', password }).POST('/users/search', { body: {} })).response.status).toBe(403);
      });

      it('answers 404 to a key that never existed', async () => {
        const result = await admin().PUT('/users/{userKey}', { params: { path: { userKey: 4_503_599_627_370_495 } }, body: { name: 'x' } });
        await expectProblem(result, 404, 'NOT_FOUND');
      });

      it('answers 403 to a user created through the API', async () => {
        const { key, credentials } = await createUser('plain.updater');
        const result = await as(credentials).PUT('/users/{userKey}', { params: { path: { userKey: key } }, body: { name: 'x' } });
        await expectProblem(result, 403, 'FORBIDDEN');
      });

    });

    describe('deleteUser', () => {
      it('answers 204 with no body, after which search no longer finds the user', async () => {
        const { key } = await createUser('deleted');
        const { response } = await admin().DELETE('/users/{userKey}', { params: { path: { userKey: key } } });
        expect(response.status).toBe(204);
        const { data } = await admin().POST('/users/search', { body: { filter: { username: 'deleted' } } });
        expect(data!.page.totalItems).toBe(0);
      });

      it('answers 404 to a key that was deleted', async () => {
        const { key } = await createUser('deleted.twice');
        await admin().DELETE('/users/{userKey}', { params: { path: { userKey: key } } });
        const result = await admin().DELETE('/users/{userKey}', { params: { path: { userKey: key } } });
        await expectProblem(result, 404, 'NOT_FOUND');
      });

      it('answers 404 to a key that never existed', async () => {
        const result = await admin().DELETE('/users/{userKey}', { params: { path: { userKey: 4_503_599_627_370_495 } } });
        await expectProblem(result, 404, 'NOT_FOUND');
      });

      it('answers 403 to a user created through the API', async () => {
        const { key, credentials } = await createUser('plain.deleter');
        const result = await as(credentials).DELETE('/users/{userKey}', { params: { path: { userKey: key } } });
        await expectProblem(result, 403, 'FORBIDDEN');
      });
    });

    it('answers 500 in problem+json, naming the request id, when the store fails', async () => {
      const { server, databaseUrl } = started();
      await withBrokenStore({ api: 'camunda', dataDir: server.dataDir, databaseUrl }, async () => {
        const result = await admin().POST('/users/search', { body: {} });
        const problem = await expectProblem(result, 500, 'INTERNAL');
        expect(problem.detail).toContain(result.response.headers.get('x-request-id'));
      });
    });

    it('never writes a password to its log', () => {
      const log = started().server.log();
      for (const password of passwords) expect(log).not.toContain(password);
    });
  });
}
