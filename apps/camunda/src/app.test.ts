import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { MemorySignInThrottle } from '@repo/auth';
import { StoreUnavailableError } from '@repo/persistence';
import { camundaSpec } from '@repo/specs/camunda';
import { SqlUserStore } from './stores/sql-user-store.ts';
import { ADMIN, createTestApp, expectProblem, type TestApp } from './testing/test-app.ts';

let h: TestApp;
afterEach(async () => {
  h.assertNoSecretsLeaked();
  await h.close();
});

const get = (path: string, init: RequestInit = {}) => h.send(new Request(`http://localhost${path}`, init));

describe('createApp', () => {
  it('finds the permission of every operation in the spec, so none is open to any authenticated user', async () => {
    h = await createTestApp();
    const operations = Object.values(camundaSpec.paths as Record<string, Record<string, { operationId: string; 'x-permissions'?: string[] }>>).flatMap(Object.values).filter((op) => typeof op === 'object' && op !== null && 'operationId' in op);
    const permissions = Object.fromEntries(operations.map((op) => [op.operationId, op['x-permissions']]));
    expect(permissions).toEqual({ createUser: ['USER:CREATE'], searchUsers: ['USER:READ'], updateUser: ['USER:UPDATE'], deleteUser: ['USER:DELETE'] });
  });

  it('answers every operation 503 UNAVAILABLE with Retry-After while the database is unreachable', async () => {
    const refused = () => new StoreUnavailableError(Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' }));
    h = await createTestApp({ failing: ['findByUsername', 'create', 'search', 'update', 'deleteByKey'], failure: refused });
    const admin = h.admin();
    const answers = [
      (await admin.POST('/users', { body: { username: 'jane', password: 'jane-Passw0rd' } })).response,
      (await admin.POST('/users/search', { body: {} })).response,
      (await admin.PUT('/users/{userKey}', { params: { path: { userKey: 2251799813685249 } }, body: { name: 'Jane' } })).response,
      (await admin.DELETE('/users/{userKey}', { params: { path: { userKey: 2251799813685249 } } })).response,
    ];
    for (const response of answers) {
      const body = await expectProblem(response, 503, { title: 'UNAVAILABLE' });
      expect(response.headers.get('retry-after')).toBe('5');
      expect(body.detail).not.toContain('ECONNREFUSED');
    }
    expect(h.log.text()).not.toContain('unhandled error');
  });

  it('answers 429 TOO_MANY_REQUESTS with Retry-After to a client after its failed sign-ins, and only to it', async () => {
    const signInThrottle = new MemorySignInThrottle({ maxFailures: 2, maxFailuresPerAddress: 50, windowSeconds: 60 });
    h = await createTestApp({ signInThrottle });
    const search = (address: string, password: string) =>
      h.app.request(
        new Request('http://localhost/v2/users/search', {
          method: 'POST',
          headers: { authorization: `Basic ${Buffer.from(`${ADMIN.username}:${password}`).toString('base64')}`, 'content-type': 'application/json' },
          body: '{}',
        }),
        undefined,
        // What @hono/node-server passes: the socket tells the client's address.
        { incoming: { socket: { remoteAddress: address } } },
      );
    for (const guess of ['guess-1', 'guess-2']) expect((await search('10.0.0.1', guess)).status).toBe(401);
    const throttled = await search('10.0.0.1', ADMIN.password);
    await expectProblem(throttled, 429, { title: 'TOO_MANY_REQUESTS', path: '/v2/users/search' });
    expect(throttled.headers.get('retry-after')).toBe('60');
    expect(throttled.headers.get('www-authenticate')).toBeNull();
    expect((await search('10.0.0.2', ADMIN.password)).status).toBe(200);
  });

  it('answers unknown routes with a 404 problem, inside and outside /v2', async () => {
    h = await createTestApp();
    await expectProblem(await get('/v2/nothing'), 404, { title: 'NOT_FOUND', path: '/v2/nothing' });
    await expectProblem(await get('/'), 404, { title: 'NOT_FOUND', path: '/' });
  });

  it('answers a wrong method with a 405 problem and Allow', async () => {
    h = await createTestApp();
    const response = await get('/v2/users', { headers: { authorization: basicAdmin() } });
    await expectProblem(response, 405, { title: 'METHOD_NOT_ALLOWED', path: '/v2/users' });
    expect(response.headers.get('allow')).toBe('POST');
  });

  it('never logs the Authorization header or a password', async () => {
    h = await createTestApp();
    await h.admin().POST('/users', { body: { username: 'logged', password: 'never-in-logs-Passw0rd' } });
    await h.client('logged', 'never-in-logs-Passw0rd').POST('/users/search', { body: {} });
    const text = h.log.text();
    expect(text).not.toContain('never-in-logs-Passw0rd');
    expect(text).not.toContain(ADMIN.password);
    expect(text).not.toContain(Buffer.from(`${ADMIN.username}:${ADMIN.password}`).toString('base64'));
  });

  it('answers 500, not 401, when the store fails while checking credentials', async () => {
    h = await createTestApp({ failing: ['findByUsername'] });
    const { response } = await h.admin().POST('/users/search', { body: {} });
    const problem = await expectProblem(response, 500, { title: 'INTERNAL' });
    expect(problem.detail).toContain(response.headers.get('x-request-id'));
  });
});

function basicAdmin(): string {
  return `Basic ${Buffer.from(`${ADMIN.username}:${ADMIN.password}`).toString('base64')}`;
}

describe('createApp on a SQLite file that another connection writes to', () => {
  it("applies the other connection's writes at the next request, although the credentials were just used", async () => {
    const dir = mkdtempSync(join(tmpdir(), 'camunda-app-'));
    const other = await SqlUserStore.open({ dataDir: dir, fileName: 'camunda.sqlite' });
    try {
      h = await createTestApp({ store: await SqlUserStore.open({ dataDir: dir, fileName: 'camunda.sqlite' }) });
      const janeKey = await h.createUser('jane');
      const search = async (username: string) => (await h.client(username, `${username}-Passw0rd`).POST('/users/search', { body: {} })).response.status;
      expect(await search('jane')).toBe(403);
      await other.grantPermission(janeKey, 'user-management');
      // Twice: the second request is answered from the remembered sign-in.
      expect([await search('jane'), await search('jane')]).toEqual([200, 200]);
      await other.deleteByKey(janeKey);
      expect(await search('jane')).toBe(401);
    } finally {
      await other.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
