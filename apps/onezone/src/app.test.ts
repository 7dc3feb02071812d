import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MemorySignInThrottle } from '@repo/auth';
import { StoreUnavailableError } from '@repo/persistence';
import { SqlUserStore } from './stores/sql-user-store.ts';
import { breakableStore } from './testing/failing-store.ts';
import { responseViolations } from './testing/spec-check.ts';
import { ADMIN, BASE_URL, basicAuth, createTestApp, type TestApp } from './testing/test-app.ts';

const asAdmin = { Authorization: basicAuth(ADMIN.username, ADMIN.password) };

describe('createApp', () => {
  let t: TestApp;
  beforeEach(async () => {
    t = await createTestApp();
  });
  afterEach(() => t.close());

  // That the runtime compiles every operation of the spec is packages/hono-openapi/test/real-specs.test.ts.
  it('has a handler for every operation of the spec', () => {
    expect(t.api.unimplemented()).toEqual([]);
  });

  it('serves the API under /api/v3/onezone', () => {
    expect(t.api.basePath).toBe('/api/v3/onezone');
  });

  it('keeps GET /health at 200 but answers GET /ready 503 when the database does not answer', async () => {
    const breakable = breakableStore(await SqlUserStore.open({ inMemory: true, dataDir: 'unused', fileName: 'unused' }));
    const broken = await createTestApp({ store: breakable.store });
    expect((await broken.app.request('/ready')).status).toBe(200);
    breakable.breakMethod('ping');
    expect((await broken.app.request('/health')).status).toBe(200);
    expect(await (await broken.app.request('/ready')).json()).toEqual({ status: 'unavailable' });
    await broken.close();
  });

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
      expect(responseViolations('GET', undefined, response.status, response.headers, text)).toEqual([]);
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

  it('echoes a well-formed X-Request-Id and logs one line per request with it', async () => {
    const response = await t.app.request(`${BASE_URL}/user`, { headers: { ...asAdmin, 'X-Request-Id': 'trace-123' } });
    expect(response.headers.get('x-request-id')).toBe('trace-123');
    expect(t.log.lines).toContainEqual(expect.objectContaining({ requestId: 'trace-123', method: 'GET', path: '/api/v3/onezone/user', status: 200 }));
  });

  it('never logs the Authorization header or the password', async () => {
    await t.app.request(`${BASE_URL}/users`, { headers: asAdmin });
    await t.app.request(`${BASE_URL}/users`, { headers: { Authorization: basicAuth(ADMIN.username, 'a-wrong-password') } });
    const text = t.log.text();
    expect(text).not.toContain(ADMIN.password);
    expect(text).not.toContain('a-wrong-password');
    expect(text).not.toContain(asAdmin.Authorization.slice('Basic '.length));
  });

  describe('CORS', () => {
    const preflight = (app: TestApp, origin: string) =>
      app.app.request(`${BASE_URL}/users`, {
        method: 'OPTIONS',
        headers: { Origin: origin, 'Access-Control-Request-Method': 'POST', 'Access-Control-Request-Headers': 'authorization, content-type, prefer' },
      });

    it('allows any localhost origin by default, with the headers clients send', async () => {
      const response = await preflight(t, 'http://localhost:5173');
      expect(response.status).toBe(204);
      expect(response.headers.get('access-control-allow-origin')).toBe('http://localhost:5173');
      expect(response.headers.get('access-control-allow-headers')?.toLowerCase()).toContain('authorization');
      expect(response.headers.get('access-control-allow-headers')?.toLowerCase()).toContain('prefer');
    });

    it('exposes Location to browsers', async () => {
      const response = await t.app.request(`${BASE_URL}/users`, {
        method: 'POST',
        headers: { ...asAdmin, Origin: 'http://127.0.0.1:5173', 'Content-Type': 'application/json' },
        body: '{}',
      });
      expect(response.status).toBe(201);
      expect(response.headers.get('access-control-allow-origin')).toBe('http://127.0.0.1:5173');
      expect(response.headers.get('access-control-expose-headers')).toContain('Location');
    });

    it('adds no CORS headers for callers that send no Origin (not browsers)', async () => {
      const response = await t.app.request(`${BASE_URL}/user`, { headers: asAdmin });
      expect(response.headers.get('access-control-allow-origin')).toBeNull();
      expect(response.headers.get('access-control-expose-headers')).toBeNull();
    });

    it('refuses other origins by default', async () => {
      const response = await preflight(t, 'https://evil.example.com');
      expect(response.headers.get('access-control-allow-origin')).toBeNull();
    });

    it('allows exactly the configured origins when CORS_ORIGINS is set', async () => {
      const configured = await createTestApp({ config: { corsOrigins: ['https://app.example.com'] } });
      expect((await preflight(configured, 'https://app.example.com')).headers.get('access-control-allow-origin')).toBe('https://app.example.com');
      expect((await preflight(configured, 'http://localhost:5173')).headers.get('access-control-allow-origin')).toBeNull();
      await configured.close();
    });
  });

  describe('GET /docs', () => {
    let dir: string;
    beforeEach(() => {
      dir = mkdtempSync(join(tmpdir(), 'onezone-docs-'));
    });
    afterEach(() => rmSync(dir, { recursive: true, force: true }));

    it('serves the offline HTML reference', async () => {
      const file = join(dir, 'docs.html');
      writeFileSync(file, '<!doctype html><title>Onezone</title>');
      const withDocs = await createTestApp({ docsFile: file });
      const response = await withDocs.app.request('/docs');
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toContain('text/html');
      expect(await response.text()).toContain('<title>Onezone</title>');
      await withDocs.close();
    });

    it('answers 404 with a hint when the reference has not been built', async () => {
      const withoutDocs = await createTestApp({ docsFile: join(dir, 'missing.html') });
      const response = await withoutDocs.app.request('/docs');
      expect(response.status).toBe(404);
      expect(await response.text()).toContain('npm run docs');
      await withoutDocs.close();
    });
  });
});
