import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MemorySignInThrottle } from '@repo/auth';
import { StoreUnavailableError } from '@repo/persistence';
import { SqlUserStore } from './stores/sql-user-store.ts';
import { breakableStore } from './testing/failing-store.ts';
import { ADMIN, BASE_URL, basicAuth, createTestApp, type TestApp } from './testing/test-app.ts';

const asAdmin = { Authorization: basicAuth(ADMIN.username, ADMIN.password) };

describe('createApp', () => {
  let t: TestApp;
  beforeEach(async () => {
    t = await createTestApp();
  });
  afterEach(() => t.close());

  it('answers every operation 503 temporaryFailure with Retry-After while the database is unreachable', async () => {
    const refused = () => new StoreUnavailableError(Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' }));
    const breakable = breakableStore(await SqlUserStore.open({ inMemory: true, dataDir: 'unused', fileName: 'unused' }), refused);
    const broken = await createTestApp({ store: breakable.store });
    for (const method of ['findByUsername', 'findByTokenHash', 'create', 'list', 'get', 'remove'] as const) breakable.breakMethod(method);
    const requests: [string, string, string?][] = [
      ['POST', '/users', '{"username":"jane","password":"jane-password"}'],
      ['GET', '/users'],
      ['GET', '/users/0123456789abcdef0123456789abcdef'],
      ['DELETE', '/users/0123456789abcdef0123456789abcdef'],
      ['GET', '/user'],
      ['PATCH', '/user', '{"fullName":"Jane Doe"}'],
      ['PATCH', '/user/password', '{"oldPassword":"jane-password","newPassword":"jane-password-2"}'],
      ['DELETE', '/user'],
      ['PATCH', '/users/0123456789abcdef0123456789abcdef/basic_auth', '{"basicAuthEnabled":false}'],
      ['PATCH', '/users/0123456789abcdef0123456789abcdef/access_block', '{"blocked":true}'],
      ['POST', '/user/client_tokens', '{}'],
      ['GET', '/user/client_tokens'],
      ['DELETE', '/user/client_tokens/some-token'],
    ];
    for (const [method, path, body] of requests) {
      const response = await broken.app.request(`${BASE_URL}${path}`, {
        method,
        headers: { ...asAdmin, ...(body ? { 'content-type': 'application/json' } : {}) },
        ...(body ? { body } : {}),
      });
      expect([method, path, response.status, response.headers.get('retry-after')]).toEqual([method, path, 503, '5']);
      expect(await response.json()).toEqual({ error: { id: 'temporaryFailure', description: 'Temporary failure - please try again later.' } });
    }
    // Token sign-in reads the store too.
    const byToken = await broken.app.request(`${BASE_URL}/user`, { headers: { 'X-Auth-Token': 'some-client-token' } });
    expect([byToken.status, byToken.headers.get('retry-after')]).toEqual([503, '5']);
    await broken.close();
  });

  it('answers 429 tooManyRequests with Retry-After to a client after its failed sign-ins, and only to it', async () => {
    const signInThrottle = new MemorySignInThrottle({ maxFailures: 2, maxFailuresPerAddress: 50, windowSeconds: 60 });
    const throttled = await createTestApp({ signInThrottle });
    const list = (address: string, password: string) =>
      throttled.app.request(`${BASE_URL}/users`, { headers: { Authorization: basicAuth(ADMIN.username, password) } }, { incoming: { socket: { remoteAddress: address } } });
    for (const guess of ['guess-1', 'guess-2']) expect((await list('10.0.0.1', guess)).status).toBe(401);
    const refused = await list('10.0.0.1', ADMIN.password);
    expect([refused.status, refused.headers.get('retry-after')]).toEqual([429, '60']);
    expect(await refused.json()).toEqual({ error: { id: 'tooManyRequests', description: 'Too many failed sign-in attempts - please try again later.' } });
    expect((await list('10.0.0.2', ADMIN.password)).status).toBe(200);
    await throttled.close();
  });

  it('answers an unknown route with 404 notFound in the Onezone format, with a request id', async () => {
    for (const path of ['/nowhere', `${BASE_URL}/groups`, `${BASE_URL}/users/a/b`]) {
      const response = await t.app.request(path, { headers: asAdmin });
      const text = await response.text();
      expect(response.status).toBe(404);
      expect(JSON.parse(text)).toEqual({ error: { id: 'notFound', description: 'The resource could not be found.' } });
      expect(response.headers.get('x-request-id')).toBeTruthy();
    }
  });

  it('answers a method the path does not offer with 405 notSupported and Allow', async () => {
    const response = await t.app.request(`${BASE_URL}/users`, { method: 'PUT', headers: asAdmin });
    expect(response.status).toBe(405);
    expect(response.headers.get('allow')).toBe('GET, POST, HEAD');
    expect(await response.json()).toEqual({ error: { id: 'notSupported', description: 'This operation is not supported.' } });
  });

  it('answers a body over the limit with 413 malformedData', async () => {
    const small = await createTestApp({ config: { bodyLimitBytes: 1024 } });
    const response = await small.app.request(`${BASE_URL}/users`, {
      method: 'POST',
      headers: { ...asAdmin, 'Content-Type': 'application/json' },
      body: JSON.stringify({ fullName: 'R'.repeat(2000) }),
    });
    expect(response.status).toBe(413);
    expect(((await response.json()) as { error: { id: string } }).error.id).toBe('malformedData');
    await small.close();
  });

  it('never logs the Authorization header or the password', async () => {
    await t.app.request(`${BASE_URL}/users`, { headers: asAdmin });
    await t.app.request(`${BASE_URL}/users`, { headers: { Authorization: basicAuth(ADMIN.username, 'a-wrong-password') } });
    const text = t.log.text();
    expect(text).not.toContain(ADMIN.password);
    expect(text).not.toContain('a-wrong-password');
    expect(text).not.toContain(asAdmin.Authorization.slice('Basic '.length));
  });

});

describe('createApp on a SQLite file that another connection writes to', () => {
  it("applies the other connection's writes at the next request, although the credentials were just used", async () => {
    const dir = mkdtempSync(join(tmpdir(), 'onezone-app-'));
    const store = await SqlUserStore.open({ dataDir: dir, fileName: 'onezone.sqlite' });
    const other = await SqlUserStore.open({ dataDir: dir, fileName: 'onezone.sqlite' });
    const t = await createTestApp({ store });
    try {
      const jane = { username: 'jane', password: 'jane-password-1' };
      const janeId = await t.createUser(jane);
      const asJane = { Authorization: basicAuth(jane.username, jane.password) };
      const status = async (path: string, headers: Record<string, string>) => (await t.app.request(`${BASE_URL}${path}`, { headers })).status;
      // Twice each: the second request is answered from the remembered sign-in.
      for (let i = 0; i < 2; i += 1) {
        expect(await status('/users', asAdmin)).toBe(200);
        expect(await status('/user', asJane)).toBe(200);
      }
      const admin = await other.findByUsername(ADMIN.username);
      await other.update(admin!.id, { privileges: [] });
      expect(await status('/users', asAdmin)).toBe(403);
      await other.remove(janeId);
      expect(await status('/user', asJane)).toBe(401);
    } finally {
      await t.close();
      await other.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
