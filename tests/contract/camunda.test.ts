/**
 * The typed Camunda client against the running server over HTTP, on each store: every operation
 * and every documented status the server can produce, each response checked against the spec.
 */
import { describe, expect, it } from 'vitest';
import { createCamundaClient, type CamundaClient } from '@repo/camunda-client';
import { camundaSpec } from '@repo/specs/camunda';
import { validationCases } from '@repo/specs/validation-cases';
import { ADMIN, type Credentials } from '../support/admin.ts';
import { withBrokenStore } from '../support/break-store.ts';
import { checkedFetch, failOnViolations } from '@repo/test-kit';
import { storeTargets, storeTitle } from '../support/stores.ts';
import { useServer } from '../support/use-server.ts';

const stores = await storeTargets('contract tests of the Camunda server on PostgreSQL');
const checked = checkedFetch(camundaSpec);
failOnViolations(checked);

const invalidCases = (schema: string) => validationCases.filter((c) => c.api === 'camunda' && c.schema === schema && !c.valid);

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

    /** Asserts a problem+json error; takes a typed-client result (body already parsed) or a raw response. */
    async function expectProblem(result: Response | { response: Response; error?: unknown }, status: number, title: string) {
      const response = result instanceof Response ? result : result.response;
      expect(response.status).toBe(status);
      expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
      const body = (result instanceof Response ? await result.json() : result.error) as { title?: string; status?: number; detail?: string };
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

      it.each(invalidCases('UserRequest'))('answers 400 naming $key for $name', async ({ value, key }) => {
        const result = await admin().POST('/users', { body: value as never });
        const problem = await expectProblem(result, 400, 'INVALID_ARGUMENT');
        expect(problem.detail).toContain(key);
      });

      it('answers 400 to a body that is not JSON', async () => {
        const response = await raw('POST', '/users', '{"username":', ADMIN);
        await expectProblem(response, 400, 'INVALID_ARGUMENT');
      });

      it('answers 401 with a Basic challenge when credentials are missing', async () => {
        const result = await as().POST('/users', { body: { username: 'nobody', password: 'nobody-Passw0rd' } });
        await expectProblem(result, 401, 'UNAUTHORIZED');
        expect(result.response.headers.get('www-authenticate')).toMatch(/^Basic realm="camunda"/);
      });

      it('answers 401 with a Basic challenge when the password is wrong', async () => {
        const result = await as({ ...ADMIN, password: 'wrong-Passw0rd' }).POST('/users', { body: { username: 'nobody', password: 'nobody-Passw0rd' } });
        await expectProblem(result, 401, 'UNAUTHORIZED');
        expect(result.response.headers.get('www-authenticate')).toMatch(/^Basic realm="camunda"/);
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

      it('answers 413 to a body over the limit', async () => {
        const body = JSON.stringify({ username: 'big', password: 'big-Passw0rd', name: 'n'.repeat(70_000) });
        await expectProblem(await raw('POST', '/users', body, ADMIN), 413, 'PAYLOAD_TOO_LARGE');
      });

      it('answers 415 to a body that is not application/json', async () => {
        const response = await raw('POST', '/users', 'username=u&password=p', ADMIN, 'application/x-www-form-urlencoded');
        await expectProblem(response, 415, 'UNSUPPORTED_MEDIA_TYPE');
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

      it.each(invalidCases('UserSearchQueryRequest'))('answers 400 naming $key for $name', async ({ value, key }) => {
        const result = await admin().POST('/users/search', { body: value as never });
        const problem = await expectProblem(result, 400, 'INVALID_ARGUMENT');
        expect(problem.detail).toContain(key);
      });

      it('answers 401 with a Basic challenge when credentials are missing', async () => {
        const result = await as().POST('/users/search', { body: {} });
        await expectProblem(result, 401, 'UNAUTHORIZED');
        expect(result.response.headers.get('www-authenticate')).toMatch(/^Basic realm="camunda"/);
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

      it('answers 400 to a malformed email', async () => {
        const { key } = await createUser('updated.bad');
        const result = await admin().PUT('/users/{userKey}', { params: { path: { userKey: key } }, body: { email: 'not-an-email' } });
        expect((await expectProblem(result, 400, 'INVALID_ARGUMENT')).detail).toMatch(/email/);
      });

      it('answers 404 to a key that never existed', async () => {
        const result = await admin().PUT('/users/{userKey}', { params: { path: { userKey: 4_503_599_627_370_495 } }, body: { name: 'x' } });
        await expectProblem(result, 404, 'NOT_FOUND');
      });

      it('answers 401 with a Basic challenge when credentials are missing', async () => {
        const result = await as().PUT('/users/{userKey}', { params: { path: { userKey: 1 } }, body: { name: 'x' } });
        await expectProblem(result, 401, 'UNAUTHORIZED');
        expect(result.response.headers.get('www-authenticate')).toMatch(/^Basic realm="camunda"/);
      });

      it('answers 403 to a user created through the API', async () => {
        const { key, credentials } = await createUser('plain.updater');
        const result = await as(credentials).PUT('/users/{userKey}', { params: { path: { userKey: key } }, body: { name: 'x' } });
        await expectProblem(result, 403, 'FORBIDDEN');
      });

      it('answers 413 to a body over the limit and 415 to a body that is not JSON', async () => {
        const { key } = await createUser('updated.raw');
        const big = await raw('PUT', `/users/${key}`, `{"name":"x"${' '.repeat(70_000)}}`, ADMIN);
        await expectProblem(big, 413, 'PAYLOAD_TOO_LARGE');
        const form = await raw('PUT', `/users/${key}`, 'name=x', ADMIN, 'application/x-www-form-urlencoded');
        await expectProblem(form, 415, 'UNSUPPORTED_MEDIA_TYPE');
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

      it('answers 400 to a key that is not a number', async () => {
        const result = await admin().DELETE('/users/{userKey}', { params: { path: { userKey: 'jdoe' as never } } });
        await expectProblem(result, 400, 'INVALID_ARGUMENT');
      });

      it('answers 401 with a Basic challenge when credentials are missing', async () => {
        const result = await as().DELETE('/users/{userKey}', { params: { path: { userKey: 1 } } });
        await expectProblem(result, 401, 'UNAUTHORIZED');
        expect(result.response.headers.get('www-authenticate')).toMatch(/^Basic realm="camunda"/);
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

    /** A request the typed client cannot make (a raw body or content type), still spec-checked. */
    function raw(method: string, path: string, body: string, auth: Credentials, contentType = 'application/json') {
      return checked(`${started().server.baseUrl}${path}`, {
        method,
        body,
        headers: { 'content-type': contentType, authorization: `Basic ${Buffer.from(`${auth.username}:${auth.password}`).toString('base64')}` },
      });
    }
  });
}
