import { describe, expect, it } from 'vitest';
import { createOpenApiApp } from './create-openapi-app.ts';
import { problemErrors } from '../test/fixtures/problem-errors.ts';
import { apiKey, basic, bearer } from './security.ts';
import { basicAuth, fixtureApp, fixtureSpec, problemOf, type FixturePaths, type TestUser } from '../test/fixture-app.ts';

function setup() {
  const { api } = fixtureApp();
  const principals: unknown[] = [];
  api.handle('get', '/users/{userKey}', (req, c) => {
    principals.push([req.principal, c.get('principal')]);
    return { status: 200, body: { key: 1, username: req.principal?.name ?? '' } };
  });
  api.handle('post', '/tokens', (req) => ({ status: 200, body: { token: `for ${req.principal?.name ?? ''}` } }));
  api.handle('get', '/health', (req) => ({ status: 200, body: `principal: ${String(req.principal)}` }));
  return { api, principals };
}

const get = (path: string, headers: Record<string, string> = {}) => setup().api.app.request(`/api/v1${path}`, { headers });

describe('security', () => {
  it('passes the basic verifier principal to the handler and context', async () => {
    const { api, principals } = setup();
    const res = await api.app.request('/api/v1/users/1', { headers: { authorization: basicAuth() } });
    expect(res.status).toBe(200);
    expect(principals).toEqual([[{ name: 'admin', via: 'basic' }, { name: 'admin', via: 'basic' }]]);
  });

  it('accepts any one of the alternatives: bearer', async () => {
    const res = await get('/users/1', { authorization: 'Bearer good-token' });
    expect(await res.json()).toMatchObject({ username: 'token-user' });
  });

  it('accepts any one of the alternatives: API key header', async () => {
    const res = await get('/users/1', { 'x-auth-token': 'good-key' });
    expect(await res.json()).toMatchObject({ username: 'key-user' });
  });

  it('answers 401 with every challenge when no credentials are sent', async () => {
    const res = await get('/users/1');
    expect(res.status).toBe(401);
    expect(res.headers.get('www-authenticate')).toBe('Basic realm="Fixture API", charset="UTF-8", Bearer realm="Fixture API"');
    expect(await problemOf(res)).toMatchObject({ status: 401, detail: 'The request lacks valid authentication credentials.' });
  });

  it('answers 401 for a wrong password, and marks a rejected bearer token per RFC 6750', async () => {
    expect((await get('/users/1', { authorization: basicAuth('admin', 'wrong') })).status).toBe(401);
    const res = await get('/users/1', { authorization: 'Bearer bad-token' });
    expect(res.status).toBe(401);
    expect(res.headers.get('www-authenticate')).toContain('Bearer realm="Fixture API", error="invalid_token"');
  });

  it('tells the mapper which scheme rejected the credentials', async () => {
    const failures: unknown[] = [];
    const api = createOpenApiApp<FixturePaths, TestUser>({
      spec: fixtureSpec,
      errors: (failure, c) => {
        failures.push(failure);
        return problemErrors(failure, c);
      },
      security: { basicAuth: basic(() => null), bearerAuth: bearer(() => null), apiKeyAuth: () => null },
    });
    await api.app.request('/api/v1/users/1', { headers: { authorization: basicAuth() } });
    await api.app.request('/api/v1/users/1');
    expect(failures).toEqual([
      expect.objectContaining({ kind: 'unauthorized', reason: 'invalidCredentials', rejected: { scheme: 'basicAuth', kind: 'basic' } }),
      expect.objectContaining({ kind: 'unauthorized', reason: 'missingCredentials', schemes: ['basicAuth', 'bearerAuth', 'apiKeyAuth'] }),
    ]);
  });

  it('applies operation-level security over the global one', async () => {
    // createToken accepts basic only.
    const { api } = setup();
    const res = await api.app.request('/api/v1/tokens', { method: 'POST', headers: { authorization: 'Bearer good-token' } });
    expect(res.status).toBe(401);
    expect(res.headers.get('www-authenticate')).toBe('Basic realm="Fixture API", charset="UTF-8"');
  });

  it('lets anyone call an operation with `security: []`', async () => {
    const res = await get('/health');
    expect(res.status).toBe(200);
    expect(await res.text()).toBe('principal: undefined');
  });

  it('authenticates before validating, so anonymous callers learn nothing about input rules', async () => {
    expect((await get('/users/not-a-number')).status).toBe(401);
  });

  it('fails at start-up when a scheme has no verifier', () => {
    expect(() =>
      createOpenApiApp<FixturePaths>({ spec: fixtureSpec, errors: problemErrors, security: { basicAuth: basic(() => ({})) } }),
    ).toThrow(/no verifier for security scheme "bearerAuth"/);
  });

  it('fails at start-up when a tagged verifier does not match the scheme', () => {
    expect(() =>
      createOpenApiApp<FixturePaths>({
        spec: fixtureSpec,
        errors: problemErrors,
        security: { basicAuth: bearer(() => ({})), bearerAuth: bearer(() => ({})), apiKeyAuth: bearer(() => ({})) },
      }),
    ).toThrow(/"basicAuth" is basic in the spec, but its verifier is for bearer/);
  });

  it('waits for async verifiers, alternative after alternative', async () => {
    const seen: string[] = [];
    const api = createOpenApiApp<FixturePaths, TestUser>({
      spec: fixtureSpec,
      errors: problemErrors,
      security: {
        basicAuth: basic(async ({ username }) => {
          seen.push(`basic:${username}`);
          return null;
        }),
        bearerAuth: bearer(async (token) => {
          seen.push(`bearer:${token}`);
          return { name: token, via: 'bearer' };
        }),
        apiKeyAuth: apiKey(() => null),
      },
    });
    api.handle('get', '/users/{userKey}', (req) => ({ status: 200, body: { key: 1, username: req.principal?.name ?? '' } }));
    // Only one Authorization header can be sent, so basic is absent here and bearer decides.
    const res = await api.app.request('/api/v1/users/1', { headers: { authorization: 'Bearer t1' } });
    expect(await res.json()).toMatchObject({ username: 't1' });
    const rejected = await api.app.request('/api/v1/users/1', { headers: { authorization: basicAuth('x', 'y') } });
    expect(rejected.status).toBe(401);
    expect(seen).toEqual(['bearer:t1', 'basic:x']);
  });

  it('turns a verifier that throws into a 500', async () => {
    const api = createOpenApiApp<FixturePaths>({
      spec: fixtureSpec,
      errors: problemErrors,
      logger: { warn: () => {}, error: () => {} },
      security: {
        basicAuth: basic(() => {
          throw new Error('database down');
        }),
        bearerAuth: bearer(() => null),
        apiKeyAuth: apiKey(() => null),
      },
    });
    const res = await api.app.request('/api/v1/users/1', { headers: { authorization: basicAuth() } });
    expect(res.status).toBe(500);
  });

  describe('credentials that cannot name anyone: 401 without calling the verifier', () => {
    function recordingApp() {
      const seen: string[] = [];
      const api = createOpenApiApp<FixturePaths, TestUser>({
        spec: fixtureSpec,
        errors: problemErrors,
        security: {
          basicAuth: basic(({ username }) => {
            seen.push(username);
            return null;
          }),
          bearerAuth: bearer(() => null),
          apiKeyAuth: apiKey(() => null),
        },
      });
      api.handle('get', '/users/{userKey}', () => ({ status: 200, body: { key: 1, username: 'x' } }));
      return { api, seen };
    }
    const encoded = (bytes: number[]) => `Basic ${Buffer.from(bytes).toString('base64')}`;
    const ascii = (text: string) => [...Buffer.from(text, 'latin1')];

    it.each([
      ['NUL in the username', encoded([...ascii('ad'), 0, ...ascii('min:admin-password')])],
      ['NUL in the password', encoded([...ascii('admin:admin'), 0])],
      ['bytes that are not UTF-8 (Latin-1 "é")', encoded([...ascii('ren'), 0xe9, ...ascii(':password')])],
      ['a CESU-8 surrogate (ED A0 80)', encoded([...ascii('a'), 0xed, 0xa0, 0x80, ...ascii(':password')])],
    ])('refuses %s', async (_name, authorization) => {
      const { api, seen } = recordingApp();
      const res = await api.app.request('/api/v1/users/1', { headers: { authorization } });
      expect(res.status).toBe(401);
      expect(res.headers.get('www-authenticate')).toContain('Basic realm=');
      expect(seen).toEqual([]);
    });

    it('still verifies well-formed non-ASCII credentials', async () => {
      const { api, seen } = recordingApp();
      await api.app.request('/api/v1/users/1', { headers: { authorization: `Basic ${Buffer.from('zoë:pässword').toString('base64')}` } });
      expect(seen).toEqual(['zoë']);
    });
  });
});
