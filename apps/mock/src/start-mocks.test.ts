// One Camunda mock on a copy of the bundle (so the reload test may rewrite it); the Onezone mock
// and every scenario are covered by scenarios.test.ts.
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MOCKED_APIS } from './apis.ts';
import { startMock, type RunningMock } from './start-mocks.ts';

const AUTHORIZATION = `Basic ${btoa('demo:demo')}`;
const ORIGIN = 'http://localhost:5173';
const dir = mkdtempSync(join(tmpdir(), 'repo-mock-test-'));
const bundlePath = join(dir, 'camunda.openapi.json');
let mock: RunningMock;

beforeAll(async () => {
  copyFileSync(MOCKED_APIS[0]!.bundlePath, bundlePath);
  mock = await startMock({ api: 'camunda', bundlePath, port: 0 });
}, 30_000);
afterAll(async () => {
  await mock?.close();
  rmSync(dir, { recursive: true, force: true });
});

const createUser = (init: { headers?: Record<string, string>; body?: unknown; path?: string } = {}) =>
  fetch(`${mock.baseUrl.replace(/\/v2$/, '')}${init.path ?? '/v2/users'}`, {
    method: 'POST',
    headers: { Authorization: AUTHORIZATION, 'Content-Type': 'application/json', ...init.headers },
    body: JSON.stringify(init.body ?? { username: 'jdoe', password: 's3cr3t-Passw0rd' }),
  });

describe('startMock', () => {
  it('gives a base URL with the server base path', () => {
    expect(mock.baseUrl).toBe(`http://127.0.0.1:${mock.port}/v2`);
  });

  it('serves the operations under the server base path', async () => {
    const response = await createUser();
    expect(response.status).toBe(202);
    expect(await response.json()).toEqual({ userKey: 2251799813685249 });
  });

  it('does not serve them at the root', async () => {
    const response = await createUser({ path: '/users' });
    expect(response.status).toBe(404);
  });

  it('answers a browser preflight for the headers the clients send', async () => {
    const response = await fetch(`${mock.baseUrl}/users`, {
      method: 'OPTIONS',
      headers: {
        Origin: ORIGIN,
        'Access-Control-Request-Method': 'POST',
        'Access-Control-Request-Headers': 'authorization, prefer, content-type',
      },
    });
    expect(response.status).toBe(204);
    expect(response.headers.get('Access-Control-Allow-Origin')).toBe(ORIGIN);
    expect(response.headers.get('Access-Control-Allow-Methods')).toContain('POST');
    expect(response.headers.get('Access-Control-Allow-Headers')).toBe('authorization, prefer, content-type');
  });

  it('lets a browser page read the response and its headers', async () => {
    const response = await createUser({ headers: { Origin: ORIGIN } });
    expect(response.headers.get('Access-Control-Allow-Origin')).toBe(ORIGIN);
    expect(response.headers.get('Access-Control-Expose-Headers')).toBe('*');
  });

  it('answers 401 with WWW-Authenticate without credentials', async () => {
    const response = await fetch(`${mock.baseUrl}/users`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ username: 'jdoe', password: 's3cr3t-Passw0rd' }),
    });
    expect(response.status).toBe(401);
    expect(response.headers.get('WWW-Authenticate')).toBe('Basic realm="camunda"');
    expect(response.headers.get('Content-Type')).toContain('application/problem+json');
  });

  it('answers an invalid body with the first 400 example and says why', async () => {
    const response = await createUser({ body: { username: 'jdoe' } });
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ status: 400, detail: 'No password provided.' });
    expect(response.headers.get('sl-violations')).toContain('password');
  });

  it('rejects when the port is taken', async () => {
    const blocker = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const address = blocker.address();
    const port = typeof address === 'object' && address ? address.port : 0;
    try {
      await expect(startMock({ api: 'camunda', port, watch: false })).rejects.toThrow(/EADDRINUSE/);
    } finally {
      blocker.close();
    }
  }, 30_000);

  // Last: it changes the bundle under the running mock.
  it('serves a changed bundle once it is rewritten', async () => {
    const spec = JSON.parse(readFileSync(bundlePath, 'utf8'));
    spec.components.examples.CreateUserCreated.value.userKey = 42;
    writeFileSync(bundlePath, JSON.stringify(spec, null, 2));
    await expect
      .poll(async () => (await createUser().catch(() => undefined))?.json().catch(() => undefined), {
        timeout: 15_000,
        interval: 200,
      })
      .toEqual({ userKey: 42 });
  }, 20_000);
});
