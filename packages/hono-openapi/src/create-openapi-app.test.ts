import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { createOpenApiApp } from './create-openapi-app.ts';
import { ResponseValidationError } from './response-validation.ts';
import { problemErrors } from '../test/fixtures/problem-errors.ts';
import { authJson, fixtureApp, problemOf } from '../test/fixture-app.ts';

const createUser = (body: unknown) => ({ method: 'POST', headers: authJson, body: JSON.stringify(body) }) as const;

describe('createOpenApiApp', () => {
  it('gives every response an X-Request-Id, the same the handler sees', async () => {
    const { api } = fixtureApp();
    let seen: string[] = [];
    api.handle('get', '/health', (req, c) => {
      seen = [req.requestId, c.get('requestId')];
      return { status: 200, body: 'ok' };
    });
    const res = await api.app.request('/api/v1/health');
    expect(res.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
    expect(seen).toEqual([res.headers.get('x-request-id'), res.headers.get('x-request-id')]);
    expect((await api.app.request('/api/v1/nowhere')).headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('takes request ids from the option', async () => {
    const { api } = fixtureApp({ requestId: (c) => c.req.header('x-correlation-id') ?? 'none' });
    const res = await api.app.request('/api/v1/health', { headers: { 'x-correlation-id': 'abc' } });
    expect(res.headers.get('x-request-id')).toBe('abc');
  });

  it('turns a throwing handler into a 500 with the request id, logged, without the stack', async () => {
    const { api, logger } = fixtureApp();
    api.handle('post', '/users', () => {
      throw new Error('connection refused at db.internal:5432');
    });
    const res = await api.app.request('/api/v1/users', createUser({ username: 'alice', password: 'password-1' }));
    const requestId = res.headers.get('x-request-id') ?? '';
    const text = await res.text();
    expect(res.status).toBe(500);
    expect(JSON.parse(text)).toMatchObject({ status: 500, title: 'INTERNAL' });
    expect(text).toContain(requestId);
    expect(text).not.toMatch(/db\.internal|at .*\.ts|Error:/);
    expect(logger.lines).toHaveLength(1);
    expect(logger.lines[0]?.obj).toMatchObject({ requestId, operationId: 'createUser', err: expect.any(Error) });
  });

  it('turns a rejecting async handler into a 500 as well', async () => {
    const { api, logger } = fixtureApp();
    api.handle('get', '/health', async () => {
      await Promise.resolve();
      throw new Error('later');
    });
    const res = await api.app.request('/api/v1/health');
    expect(res.status).toBe(500);
    expect(logger.lines[0]?.obj['requestId']).toBe(res.headers.get('x-request-id'));
  });

  it('answers an error classifyError recognises as its failure, with Retry-After, unlogged', async () => {
    class DatabaseDown extends Error {}
    const { api, logger } = fixtureApp({
      classifyError: (error) => (error instanceof DatabaseDown ? { kind: 'unavailable', retryAfterSeconds: 2.5 } : undefined),
    });
    api.handle('post', '/users', async () => {
      throw new DatabaseDown('connection refused');
    });
    api.handle('get', '/health', () => {
      throw new Error('a bug');
    });
    const res = await api.app.request('/api/v1/users', createUser({ username: 'alice', password: 'password-1' }));
    expect(res.status).toBe(503);
    expect(res.headers.get('retry-after')).toBe('3');
    expect(await problemOf(res)).toMatchObject({ status: 503, title: 'UNAVAILABLE' });
    expect(logger.lines).toHaveLength(0);
    expect((await api.app.request('/api/v1/health')).status).toBe(500);
  });

  it('answers a verifier error classified as tooManyRequests with 429 and Retry-After', async () => {
    const { api } = fixtureApp({
      classifyError: () => ({ kind: 'tooManyRequests', retryAfterSeconds: 60 }),
      security: {
        basicAuth: () => {
          throw new Error('throttled');
        },
        bearerAuth: () => null,
        apiKeyAuth: () => null,
      },
    });
    api.handle('post', '/users', () => ({ status: 201, headers: { Location: '/api/v1/users/1' } }));
    const res = await api.app.request('/api/v1/users', createUser({ username: 'alice', password: 'password-1' }));
    expect([res.status, res.headers.get('retry-after'), res.headers.get('www-authenticate')]).toEqual([429, '60', null]);
  });

  it('takes a body that never finished arriving (connection closed) for what it is, not for a bug', async () => {
    const { api, logger } = fixtureApp();
    let called = false;
    api.handle('post', '/users', () => {
      called = true;
      return { status: 201, headers: { Location: '/api/v1/users/1' } };
    });
    // What Node raises when the connection closes mid-body (the client left, or the request timeout cut it).
    const aborted = Object.assign(new Error('aborted'), { code: 'ECONNRESET' });
    const body = new ReadableStream({
      start(controller) {
        controller.enqueue(new TextEncoder().encode('{"user'));
        controller.error(aborted);
      },
    });
    const res = await api.app.request('/api/v1/users', { method: 'POST', headers: { ...authJson, 'content-length': '100' }, body, duplex: 'half' } as RequestInit);
    expect([res.status, called, logger.lines]).toEqual([408, false, []]);
  });

  it('lists operations without handlers, and answers them with 501', async () => {
    const { api } = fixtureApp();
    api.handle('get', '/health', () => ({ status: 200, body: 'ok' }));
    expect(api.unimplemented().map((op) => op.operationId)).toEqual([
      'listUsers',
      'createUser',
      'searchUsers',
      'getUser',
      'deleteUser',
      'createToken',
      'putNote',
    ]);
    const res = await api.app.request('/api/v1/users/1', { method: 'DELETE', headers: authJson });
    expect(res.status).toBe(501);
  });

  it('refuses a handler for an operation the spec lacks, or a second one', () => {
    const { api } = fixtureApp();
    api.handle('get', '/health', () => ({ status: 200, body: 'ok' }));
    expect(() => api.handle('get', '/health', () => ({ status: 200, body: 'ok' }))).toThrow(/already has a handler/);
    // @ts-expect-error -- not in the spec
    expect(() => api.handle('get', '/nope', () => ({ status: 200 }))).toThrow(/no operation GET \/nope/);
  });

  it('exposes the operation and its vendor extensions to handlers and middleware', async () => {
    const { api } = fixtureApp();
    const seen: unknown[] = [];
    api.handle('post', '/users', (req, c) => {
      seen.push(req.operation.extensions['x-privileges'], c.get('operation').operationId);
      return { status: 202, body: { userKey: 1 } };
    });
    await api.app.request('/api/v1/users', createUser({ username: 'alice', password: 'password-1' }));
    expect(seen).toEqual([['users_create'], 'createUser']);
    expect(api.operations.find((op) => op.operationId === 'createUser')?.path).toBe('/users');
  });

  it('never echoes a password in an error, whatever is wrong with it', async () => {
    const { api } = fixtureApp();
    api.handle('post', '/users', () => ({ status: 202, body: { userKey: 1 } }));
    const secret = 'my secret password!';
    const bodies = [
      createUser({ username: 'alice', password: secret }), // pattern (\S+)
      createUser({ username: 'alice', password: [secret] }),
      createUser({ username: 'alice', password: secret, role: secret }),
      { ...createUser({}), body: `{"username":"alice","password":"${secret}"` },
      { ...createUser({}), body: `{"username":"alice","password":"${secret}"}}` },
    ];
    for (const init of bodies) {
      const res = await api.app.request('/api/v1/users', init);
      expect(res.status).toBe(400);
      expect(await res.text()).not.toContain(secret);
    }
  });

  it('fills in schema defaults before the handler runs', async () => {
    const { api } = fixtureApp();
    let page: unknown;
    api.handle('post', '/users/search', (req) => {
      page = req.body?.page;
      return { status: 200, body: { items: [] } };
    });
    await api.app.request('/api/v1/users/search', createUser({ page: { from: 1 } }));
    expect(page).toEqual({ from: 1 });
  });

  it('answers with a bare 500 when the error mapper itself throws', async () => {
    const { api } = fixtureApp({
      errors: () => {
        throw new Error('mapper bug');
      },
    });
    const res = await api.app.request('/api/v1/nowhere');
    expect(res.status).toBe(500);
    expect(await res.text()).toBe('Internal Server Error');
  });

  it('refuses a document that is not OpenAPI 3.1', () => {
    expect(() => createOpenApiApp({ spec: { openapi: '3.0.3', paths: {} }, errors: problemErrors })).toThrow(/OpenAPI 3\.1/);
  });

  it('works mounted under a parent app', async () => {
    const { api } = fixtureApp();
    api.handle('post', '/users', () => ({ status: 202, body: { userKey: 1 } }));
    const parent = new Hono();
    parent.get('/healthz', (c) => c.text('up'));
    parent.route('/', api.app);
    expect((await parent.request('/healthz')).status).toBe(200);
    expect((await parent.request('/api/v1/users', createUser({ username: 'alice', password: 'password-1' }))).status).toBe(202);
    const invalid = await parent.request('/api/v1/users', createUser({}));
    expect(await problemOf(invalid)).toMatchObject({ status: 400, title: 'INVALID_ARGUMENT' });
    expect((await parent.request('/api/v1/users/1', { method: 'PUT', headers: authJson })).status).toBe(405);
  });

  it('gives a parent app the 404 in the API format', async () => {
    const { api } = fixtureApp();
    const parent = new Hono();
    parent.route('/', api.app);
    parent.notFound(api.notFound);
    const res = await parent.request('/elsewhere');
    expect(await problemOf(res)).toMatchObject({ status: 404, title: 'NOT_FOUND' });
    expect(res.headers.get('x-request-id')).toBeTruthy();
  });

  describe('onError, for a parent app', () => {
    class DatabaseDown extends Error {}
    function parentOf(api: ReturnType<typeof fixtureApp>['api'], thrown: () => unknown) {
      const parent = new Hono();
      parent.get('/ready', () => {
        throw thrown();
      });
      parent.route('/', api.app);
      parent.onError(api.onError);
      return parent;
    }

    it('logs an error once, with the request id, and answers internal in the API format', async () => {
      const { api, logger } = fixtureApp();
      const res = await parentOf(api, () => new Error('middleware bug')).request('/ready');
      const requestId = res.headers.get('x-request-id');
      expect(await problemOf(res)).toMatchObject({ status: 500, title: 'INTERNAL' });
      expect(requestId).toBeTruthy();
      expect(logger.lines).toHaveLength(1);
      expect(logger.lines[0]?.obj).toMatchObject({ requestId, path: '/ready', err: expect.any(Error) });
    });

    it('answers what classifyError recognises as such, with Retry-After, unlogged', async () => {
      const { api, logger } = fixtureApp({
        classifyError: (error) => (error instanceof DatabaseDown ? { kind: 'unavailable', retryAfterSeconds: 5 } : undefined),
      });
      const res = await parentOf(api, () => new DatabaseDown('connection refused')).request('/ready');
      expect([res.status, res.headers.get('retry-after'), logger.lines]).toEqual([503, '5', []]);
    });

    it('rethrows a response that breaks the spec in throw mode, so the test fails', async () => {
      const { api } = fixtureApp();
      api.handle('get', '/health', () => ({ status: 200, body: 42 as unknown as string }));
      const parent = parentOf(api, () => new Error('unused'));
      await expect(parent.request('/api/v1/health')).rejects.toThrow(ResponseValidationError);
    });
  });
});

describe('alongside Hono middleware', () => {
  it('keeps headers a middleware sets on c.res, before or after next()', async () => {
    const { api } = fixtureApp();
    api.handle('get', '/health', () => ({ status: 200, body: 'ok' }));
    const parent = new Hono();
    parent.use(async (c, next) => {
      c.res.headers.set('x-before', '1');
      await next();
      c.res.headers.set('x-after', '2');
    });
    parent.route('/', api.app);
    const res = await parent.request('/api/v1/health');
    expect([res.headers.get('x-before'), res.headers.get('x-after'), await res.text()]).toEqual(['1', '2', 'ok']);
  });
});
