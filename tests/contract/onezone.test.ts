/**
 * The typed Onezone client against the running server over HTTP, on each store: what needs the
 * real process and the real store (users and tokens written and read back, sign-in against stored
 * hashes and blocks, 403 from stored privileges, 404, taken usernames, 500 when the store fails,
 * the log), each response checked against the spec. Refusals that never reach the store (400,
 * 401 without credentials, 413, 415) are tested once in apps/onezone, and per operation on a real
 * server by tests/parity.
 */
import { describe, expect, it } from 'vitest';
import { createdUserId, createOnezoneClient, type OnezoneClient } from '@repo/onezone-client';
import { onezoneSpec } from '@repo/specs/onezone';
import { validationCases } from '@repo/specs/validation-cases';
import { ADMIN, type Credentials } from '../support/admin.ts';
import { withBrokenStore } from '../support/break-store.ts';
import { checkedFetch, failOnViolations } from '@repo/test-kit';
import { storeTargets, storeTitle } from '../support/stores.ts';
import { useServer } from '../support/use-server.ts';

const stores = await storeTargets('contract tests of the Onezone server on PostgreSQL');
const checked = checkedFetch(onezoneSpec);
failOnViolations(checked);

const cases = validationCases.filter((c) => c.api === 'onezone');
const MISSING_ID = 'no-such-user-0000';

type ErrorBody = { error: { id: string; description: string; details?: Record<string, unknown> } };

for (const store of stores) {
  describe.skipIf(!store.available)(`Onezone server on ${storeTitle(store)}`, () => {
    const started = useServer('onezone', store);
    const passwords = new Set<string>([ADMIN.password]);
    const as = (auth?: Credentials): OnezoneClient =>
      createOnezoneClient({ baseUrl: started().server.baseUrl, fetch: checked, ...(auth ? { auth } : {}) });
    const admin = () => as(ADMIN);
    const tokens = new Set<string>();
    /** A client signing in with a client token, as `Authorization: Bearer` or in `X-Auth-Token`. */
    const withToken = (token: string, via: 'Bearer' | 'X-Auth-Token' = 'Bearer'): OnezoneClient =>
      via === 'Bearer'
        ? createOnezoneClient({ baseUrl: started().server.baseUrl, fetch: checked, token })
        : createOnezoneClient({ baseUrl: started().server.baseUrl, fetch: checked, headers: { 'X-Auth-Token': token } });
    /** Creates a client token for `credentials`; returns it. */
    async function createToken(credentials: Credentials): Promise<string> {
      const { data, response } = await as(credentials).POST('/user/client_tokens', { body: {} });
      expect(response.status).toBe(200);
      tokens.add(data!.token);
      return data!.token;
    }

    /** Creates a user with a password as the admin; returns its id and credentials. */
    async function createUser(username: string) {
      const credentials = { username, password: `${username}-Passw0rd` };
      passwords.add(credentials.password);
      const result = await admin().POST('/users', { body: { ...credentials, fullName: 'Test User' } });
      return { id: createdUserId(result), credentials };
    }

    function expectError(result: { response: Response; error?: unknown }, status: number, id: string): ErrorBody['error'] {
      expect(result.response.status).toBe(status);
      expect(result.response.headers.get('content-type')).toMatch(/^application\/json/);
      const body = result.error as ErrorBody;
      expect(body.error.id).toBe(id);
      return body.error;
    }

    describe('create_user', () => {
      it('answers 201 with an absolute Location on which get_user answers 200', async () => {
        const before = Math.floor(Date.now() / 1000);
        passwords.add('lS1c6FD2mxB2ff');
        const result = await admin().POST('/users', { body: { fullName: 'Rudolf Lingens', username: 'rudolf', password: 'lS1c6FD2mxB2ff' } });
        expect(result.response.status).toBe(201);
        const location = result.response.headers.get('location')!;
        expect(location).toMatch(new RegExp(`^${started().server.baseUrl}/users/[^/]+$`));
        const { data, response } = await admin().GET('/users/{id}', { params: { path: { id: createdUserId(result) } } });
        expect(response.status).toBe(200);
        expect(data).toEqual({
          userId: createdUserId(result),
          fullName: 'Rudolf Lingens',
          username: 'rudolf',
          linkedAccounts: [],
          emails: [],
          basicAuthEnabled: true,
          blocked: false,
          creationTime: expect.any(Number),
        });
        expect(data!.creationTime).toBeGreaterThanOrEqual(before);
        expect(data!.creationTime).toBeLessThanOrEqual(Math.ceil(Date.now() / 1000));
      });

      it.each(cases.filter((c) => c.valid))('answers 201 to $name', async ({ value }) => {
        const { password } = value as { password?: unknown };
        if (typeof password === 'string') passwords.add(password);
        const result = await admin().POST('/users', { body: value as never });
        expect(result.response.status).toBe(201);
        // Free the username again for the next row of the table.
        const removed = await admin().DELETE('/users/{id}', { params: { path: { id: createdUserId(result) } } });
        expect(removed.response.status).toBe(204);
      });

      it('answers 400 badValueIdentifierOccupied with key username when the username is taken', async () => {
        await createUser('occupied');
        const error = expectError(await admin().POST('/users', { body: { username: 'occupied', password: 'again-Passw0rd' } }), 400, 'badValueIdentifierOccupied');
        expect(error.details).toEqual({ key: 'username' });
      });

      it('answers 403 forbidden to a user created through the API', async () => {
        const { credentials } = await createUser('plain.creator');
        expectError(await as(credentials).POST('/users', { body: {} }), 403, 'forbidden');
      });

      it('creates a user without a password who cannot sign in', async () => {
        const result = await admin().POST('/users', { body: { username: 'no.login', fullName: 'No Login' } });
        const { data } = await admin().GET('/users/{id}', { params: { path: { id: createdUserId(result) } } });
        expect(data).toMatchObject({ username: 'no.login', basicAuthEnabled: false });
        for (const password of ['', 'no.login', 'anything-at-all']) {
          expectError(await as({ username: 'no.login', password }).GET('/user'), 401, 'unauthorized');
        }
      });
    });

    describe('list_users', () => {
      it('answers 200 with the ids of the admin and of created users', async () => {
        const { id } = await createUser('listed');
        const admins = await admin().GET('/user');
        const { data, response } = await admin().GET('/users');
        expect(response.status).toBe(200);
        expect(data!.users).toEqual(expect.arrayContaining([admins.data!.userId, id]));
      });

      it('answers 403 forbidden to a user created through the API', async () => {
        const { credentials } = await createUser('plain.lister');
        expectError(await as(credentials).GET('/users'), 403, 'forbidden');
      });
    });

    describe('get_user', () => {
      it('answers 404 notFound to an unknown id', async () => {
        expectError(await admin().GET('/users/{id}', { params: { path: { id: MISSING_ID } } }), 404, 'notFound');
      });

      it('answers 403 forbidden to a user created through the API, even about itself', async () => {
        const { id, credentials } = await createUser('plain.viewer');
        expectError(await as(credentials).GET('/users/{id}', { params: { path: { id } } }), 403, 'forbidden');
      });
    });

    describe('remove_user', () => {
      it('answers 204, after which get_user answers 404 and the user cannot sign in', async () => {
        const { id, credentials } = await createUser('removed');
        const { response } = await admin().DELETE('/users/{id}', { params: { path: { id } } });
        expect(response.status).toBe(204);
        expectError(await admin().GET('/users/{id}', { params: { path: { id } } }), 404, 'notFound');
        expectError(await as(credentials).GET('/user'), 401, 'unauthorized');
      });

      it('answers 404 notFound to an unknown id', async () => {
        expectError(await admin().DELETE('/users/{id}', { params: { path: { id: MISSING_ID } } }), 404, 'notFound');
      });

      it('answers 403 forbidden to a user created through the API', async () => {
        const { id, credentials } = await createUser('plain.remover');
        expectError(await as(credentials).DELETE('/users/{id}', { params: { path: { id } } }), 403, 'forbidden');
      });
    });

    describe('get_current_user', () => {
      it('answers 200 with a plain user its own information', async () => {
        const { id, credentials } = await createUser('plain.self');
        const { data, response } = await as(credentials).GET('/user');
        expect(response.status).toBe(200);
        expect(data).toMatchObject({ userId: id, username: 'plain.self', fullName: 'Test User', basicAuthEnabled: true });
      });

    });

    describe('modify_current_user', () => {
      it('answers 204 and renames the caller in place', async () => {
        const { id, credentials } = await createUser('to.rename');
        const { response } = await as(credentials).PATCH('/user', { body: { username: 'renamed', fullName: 'Renamed User' } });
        expect(response.status).toBe(204);
        const { data } = await as({ username: 'renamed', password: credentials.password }).GET('/user');
        expect(data).toMatchObject({ userId: id, username: 'renamed', fullName: 'Renamed User' });
      });

      it("answers 400 badValueIdentifierOccupied with key username for another user's username", async () => {
        const { credentials } = await createUser('rename.taker');
        const error = expectError(await as(credentials).PATCH('/user', { body: { username: ADMIN.username } }), 400, 'badValueIdentifierOccupied');
        expect(error.details).toEqual({ key: 'username' });
      });

    });

    describe('change_user_password', () => {
      it('answers 204; the new password signs in, the old one no longer', async () => {
        const { id, credentials } = await createUser('pw.changer');
        const newPassword = 'pw.changer-N3w-Passw0rd';
        passwords.add(newPassword);
        const { response } = await as(credentials).PATCH('/user/password', { body: { oldPassword: credentials.password, newPassword } });
        expect(response.status).toBe(204);
        expectError(await as(credentials).GET('/user'), 401, 'unauthorized');
        expect((await as({ ...credentials, password: newPassword }).GET('/user')).data?.userId).toBe(id);
      });

      it('answers 401 unauthorized, badBasicCredentials, to a wrong old password', async () => {
        const { credentials } = await createUser('pw.wrong');
        const result = await as(credentials).PATCH('/user/password', { body: { oldPassword: 'not-the-Passw0rd', newPassword: 'pw.wrong-N3w-Passw0rd' } });
        expect(expectError(result, 401, 'unauthorized').details).toMatchObject({ authError: { id: 'badBasicCredentials' } });
      });

    });

    describe('remove_current_user', () => {
      it('answers 204; the caller and its tokens are gone', async () => {
        const { id, credentials } = await createUser('self.remover');
        const token = await createToken(credentials);
        expect((await as(credentials).DELETE('/user')).response.status).toBe(204);
        expectError(await admin().GET('/users/{id}', { params: { path: { id } } }), 404, 'notFound');
        expectError(await withToken(token).GET('/user'), 401, 'unauthorized');
      });

    });

    describe('change_user_basic_auth_settings', () => {
      it('answers 204; with basic auth disabled the password is refused (basicAuthDisabled), a token is not', async () => {
        const { id, credentials } = await createUser('basic.off');
        const token = await createToken(credentials);
        const result = await admin().PATCH('/users/{id}/basic_auth', { params: { path: { id } }, body: { basicAuthEnabled: false } });
        expect(result.response.status).toBe(204);
        expect((await admin().GET('/users/{id}', { params: { path: { id } } })).data?.basicAuthEnabled).toBe(false);
        const refused = expectError(await as(credentials).GET('/user'), 401, 'unauthorized');
        expect(refused.details).toMatchObject({ authError: { id: 'basicAuthDisabled' } });
        expect((await withToken(token).GET('/user')).data?.userId).toBe(id);
      });

      it('answers 204 and sets a new password for the user', async () => {
        const { id, credentials } = await createUser('basic.newpw');
        const newPassword = 'basic.newpw-N3w-Passw0rd';
        passwords.add(newPassword);
        await admin().PATCH('/users/{id}/basic_auth', { params: { path: { id } }, body: { newPassword } });
        expect((await as({ ...credentials, password: newPassword }).GET('/user')).data?.userId).toBe(id);
      });

      it('answers 404 notFound and 403 forbidden', async () => {
        const { id, credentials } = await createUser('basic.errors');
        expectError(await admin().PATCH('/users/{id}/basic_auth', { params: { path: { id: MISSING_ID } }, body: {} }), 404, 'notFound');
        expectError(await as(credentials).PATCH('/users/{id}/basic_auth', { params: { path: { id } }, body: {} }), 403, 'forbidden');
      });
    });

    describe('toggle_user_access_block', () => {
      it('answers 204; a blocked user is refused with password and token (userBlocked) until unblocked', async () => {
        const { id, credentials } = await createUser('to.block');
        const token = await createToken(credentials);
        expect((await admin().PATCH('/users/{id}/access_block', { params: { path: { id } }, body: { blocked: true } })).response.status).toBe(204);
        expect((await admin().GET('/users/{id}', { params: { path: { id } } })).data?.blocked).toBe(true);
        for (const client of [as(credentials), withToken(token), withToken(token, 'X-Auth-Token')]) {
          expect(expectError(await client.GET('/user'), 401, 'unauthorized').details).toMatchObject({ authError: { id: 'userBlocked' } });
        }
        await admin().PATCH('/users/{id}/access_block', { params: { path: { id } }, body: { blocked: false } });
        expect((await as(credentials).GET('/user')).response.status).toBe(200);
      });

      it('answers 404 notFound and 403 forbidden', async () => {
        const { id, credentials } = await createUser('block.errors');
        expectError(await admin().PATCH('/users/{id}/access_block', { params: { path: { id: MISSING_ID } }, body: { blocked: true } }), 404, 'notFound');
        expectError(await as(credentials).PATCH('/users/{id}/access_block', { params: { path: { id } }, body: { blocked: true } }), 403, 'forbidden');
      });
    });

    describe('client tokens', () => {
      it('create_client_token answers 200 with a token that signs in as the caller in X-Auth-Token and as Bearer', async () => {
        const { id, credentials } = await createUser('token.owner');
        const token = await createToken(credentials);
        expect((await withToken(token).GET('/user')).data?.userId).toBe(id);
        expect((await withToken(token, 'X-Auth-Token').GET('/user')).data?.userId).toBe(id);
      });

      it("gives a token its owner's privileges", async () => {
        const token = await createToken(ADMIN);
        expect((await withToken(token).GET('/users')).response.status).toBe(200);
      });

      it("list_client_tokens answers 200 with the caller's tokens themselves, oldest first", async () => {
        const { credentials } = await createUser('token.lister');
        const first = await createToken(credentials);
        const second = await createToken(credentials);
        const { data, response } = await as(credentials).GET('/user/client_tokens');
        expect(response.status).toBe(200);
        expect(data).toEqual({ tokens: [first, second] });
      });

      it("remove_client_token answers 204, after which the token is refused (badToken); another user's token is 404", async () => {
        const { credentials } = await createUser('token.remover');
        const token = await createToken(credentials);
        const adminToken = await createToken(ADMIN);
        expectError(await as(credentials).DELETE('/user/client_tokens/{tid}', { params: { path: { tid: adminToken } } }), 404, 'notFound');
        expect((await as(credentials).DELETE('/user/client_tokens/{tid}', { params: { path: { tid: token } } })).response.status).toBe(204);
        const refused = expectError(await withToken(token).GET('/user'), 401, 'unauthorized');
        expect(refused.details).toMatchObject({ authError: { id: 'badToken' } });
      });

      it('answers 401 unauthorized, badToken, with a Bearer challenge to an unknown token', async () => {
        const result = await withToken('oz1.unknown-token').GET('/user');
        expect(expectError(result, 401, 'unauthorized').details).toMatchObject({ authError: { id: 'badToken' } });
        expect(result.response.headers.get('www-authenticate')).toContain('Bearer realm="onezone", error="invalid_token"');
      });
    });

    it('answers 500 internalServerError with a reference when the store fails', async () => {
      const { server, databaseUrl } = started();
      await withBrokenStore({ api: 'onezone', dataDir: server.dataDir, databaseUrl }, async () => {
        const result = await admin().GET('/users');
        const error = expectError(result, 500, 'internalServerError');
        expect(error.details).toEqual({ reference: result.response.headers.get('x-request-id') });
      });
    });

    it('never writes a password to its log', () => {
      const log = started().server.log();
      for (const password of passwords) expect(log).not.toContain(password);
    });

    it('never writes a client token to its log', () => {
      const log = started().server.log();
      expect(tokens.size).toBeGreaterThan(0);
      for (const token of tokens) expect(log).not.toContain(token.slice(4));
    });
  });
}
