import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { basic, type ErrorMapper } from '@repo/hono-openapi';
import { createLogger } from '@repo/config';
import { createServiceApp, type ServiceAppOptions } from './service-app.ts';

// A spec of its own: the shell's behaviour does not depend on either API's.
const spec = {
  openapi: '3.1.0',
  info: { title: 'shell test', version: '1.0.0' },
  servers: [{ url: '/api' }],
  security: [{ basicAuth: [] }],
  components: { securitySchemes: { basicAuth: { type: 'http', scheme: 'basic' }, tokenAuth: { type: 'apiKey', in: 'header', name: 'X-Auth-Token' } } },
  paths: {
    '/things': {
      get: { operationId: 'list_things', 'x-rights': ['read'], responses: { '200': { description: 'ok', content: { 'application/json': { schema: { type: 'array' } } } } } },
      delete: { operationId: 'clear_things', responses: { '204': { description: 'gone' } } },
    },
  },
};
type Ops = { list_things: unknown; clear_things: unknown };

const errors: ErrorMapper = (failure) => ({ status: failure.kind === 'notFound' ? 404 : failure.kind === 'forbidden' ? 403 : 500, contentType: 'application/json', body: { kind: failure.kind } });
const caller = { Authorization: `Basic ${Buffer.from('ann:pw').toString('base64')}` };

function shell(overrides: Partial<ServiceAppOptions<Ops, { name: string; rights: string[] }>> = {}) {
  const lines: string[] = [];
  const logger = createLogger({ name: 'test', level: 'info', destination: { write: (chunk: string) => void lines.push(chunk) } });
  const { app } = createServiceApp<unknown, Ops, { name: string; rights: string[] }>({
    spec,
    errors,
    security: { basicAuth: basic(async ({ username }) => ({ name: username, rights: username === 'ann' ? ['read'] : [] })) },
    authorization: { extension: 'x-rights', allows: (principal, required) => required.every((r) => principal.rights.includes(r)) },
    realm: 'test',
    handlers: () => ({ list_things: () => ({ status: 200, body: [] }), clear_things: () => ({ status: 204 }) }) as never,
    config: { corsOrigins: undefined, publicBaseUrl: undefined, responseValidation: 'throw', bodyLimitBytes: 1024 },
    logger,
    ready: async () => undefined,
    ...overrides,
  });
  return { app, lines };
}

describe('createServiceApp', () => {
  it('serves the operations at the base path, after the spec-declared authorization', async () => {
    const { app } = shell();
    expect((await app.request('/api/things', { headers: caller })).status).toBe(200);
    const bob = { Authorization: `Basic ${Buffer.from('bob:pw').toString('base64')}` };
    expect(await (await app.request('/api/things', { headers: bob })).json()).toEqual({ kind: 'forbidden' });
  });

  it('holds a read scope open for each request, closed when it is answered, failures included', async () => {
    const events: string[] = [];
    let open = 0;
    const readScope = () => {
      open += 1;
      events.push(`open ${open}`);
      return () => {
        open -= 1;
        events.push(`close ${open}`);
      };
    };
    const failing = shell({ readScope, handlers: () => ({ list_things: () => { events.push(`handler in scope ${open}`); throw new Error('boom'); }, clear_things: () => ({ status: 204 }) }) as never });
    expect((await failing.app.request('/api/things', { headers: caller })).status).toBe(500);
    const { app } = shell({ readScope });
    expect((await app.request('/api/things', { headers: caller })).status).toBe(200);
    expect(events).toEqual(['open 1', 'handler in scope 1', 'close 0', 'open 1', 'close 0']);
  });

  it('fails at start-up when an operation of the spec has no handler', () => {
    expect(() => shell({ handlers: () => ({ list_things: () => ({ status: 200, body: [] }) }) as never })).toThrow(/without a handler: clear_things/);
  });

  it('answers /health 200 and /ready 503 while the store does not answer', async () => {
    const { app } = shell({ ready: () => Promise.reject(new Error('down')) });
    expect((await app.request('/health')).status).toBe(200);
    expect((await app.request('/ready')).status).toBe(503);
  });

  it('answers paths outside the API through the API’s error mapper, with a request id', async () => {
    const { app } = shell();
    const response = await app.request('/nowhere');
    expect(response.status).toBe(404);
    expect(await response.json()).toEqual({ kind: 'notFound' });
    expect(response.headers.get('x-request-id')).toMatch(/./);
  });

  it('serves the offline reference at /docs, and a 404 in the API’s format while it is not built', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'shell-docs-'));
    try {
      const file = join(dir, 'docs.html');
      const { app } = shell({ docsFile: file });
      expect(await (await app.request('/docs')).json()).toEqual({ kind: 'notFound' });
      writeFileSync(file, '<!doctype html><title>Ref</title>');
      const page = await app.request('/docs');
      expect(page.headers.get('content-type')).toMatch(/^text\/html/);
      expect(await page.text()).toContain('<title>Ref</title>');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('logs one line per request with its id, method, path and status, and never the credentials', async () => {
    const { app, lines } = shell();
    const response = await app.request('/api/things', { headers: caller });
    const line = lines.map((l) => JSON.parse(l) as Record<string, unknown>).find((l) => l['path'] === '/api/things');
    expect(line).toMatchObject({ method: 'GET', status: 200, requestId: response.headers.get('x-request-id') });
    expect(lines.join('')).not.toContain(caller.Authorization.slice(6));
  });

  describe('request ids', () => {
    const id = (response: Response) => response.headers.get('x-request-id');

    it('answers the caller’s well-formed X-Request-Id, and logs it', async () => {
      const { app, lines } = shell();
      const response = await app.request('/api/things', { headers: { ...caller, 'X-Request-Id': 'trace-42_a=' } });
      expect(id(response)).toBe('trace-42_a=');
      expect(JSON.parse(lines.at(-1)!)).toMatchObject({ requestId: 'trace-42_a=', path: '/api/things' });
    });

    it('reads the caller’s id from Node’s parsed headers under @hono/node-server', async () => {
      const { app } = shell();
      // What @hono/node-server passes as the bindings: the IncomingMessage, headers lower-cased.
      const incoming = { headers: { 'x-request-id': 'from-node-7' } };
      const response = await app.request('/api/things', { headers: caller }, { incoming });
      expect(id(response)).toBe('from-node-7');
    });

    it('logs a preflight with the status it was answered with', async () => {
      const { app, lines } = shell();
      const response = await app.request('/api/things', { method: 'OPTIONS', headers: { Origin: 'http://localhost:5173', 'Access-Control-Request-Method': 'GET' } });
      expect(JSON.parse(lines.at(-1)!)).toMatchObject({ method: 'OPTIONS', status: 204, requestId: id(response) });
    });

    it('replaces a malformed or overlong one with a fresh UUID', async () => {
      const { app } = shell();
      for (const sent of ['has spaces', 'a{b}', 'x'.repeat(256)]) {
        const response = await app.request('/api/things', { headers: { ...caller, 'X-Request-Id': sent } });
        expect(id(response)).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
      }
    });

    it('gives every answer one, a new one per request: operations, refusals, health, docs, preflights', async () => {
      const { app } = shell();
      const answers = [
        await app.request('/api/things', { headers: caller }),
        await app.request('/api/things', { headers: caller }),
        await app.request('/api/things'),
        await app.request('/api/things', { method: 'PUT', headers: caller }),
        await app.request('/health'),
        await app.request('/ready'),
        await app.request('/docs'),
        await app.request('/api/things', { method: 'OPTIONS', headers: { Origin: 'http://localhost:5173', 'Access-Control-Request-Method': 'GET' } }),
      ];
      const ids = answers.map(id);
      expect(ids.every((value) => value !== null && value.length > 0)).toBe(true);
      expect(new Set(ids).size).toBe(ids.length);
      expect(answers.map((answer) => answer.headers.get('x-request-id')?.includes(','))).not.toContain(true);
    });
  });

  describe('CORS', () => {
    const preflight = (origin: string) =>
      new Request('http://localhost/api/things', { method: 'OPTIONS', headers: { Origin: origin, 'Access-Control-Request-Method': 'DELETE' } });

    it('allows a localhost origin by default, with the methods and credential headers of the spec', async () => {
      const response = await shell().app.request(preflight('http://localhost:5173'));
      expect(response.headers.get('access-control-allow-origin')).toBe('http://localhost:5173');
      expect(response.headers.get('access-control-allow-methods')).toBe('OPTIONS,GET,DELETE');
      expect(response.headers.get('access-control-allow-headers')).toBe('Content-Type,Prefer,X-Request-Id,Authorization,X-Auth-Token');
    });

    it('refuses other origins by default and allows exactly the configured ones', async () => {
      expect((await shell().app.request(preflight('https://evil.example'))).headers.get('access-control-allow-origin')).toBeNull();
      const configured = shell({ config: { corsOrigins: ['https://app.example'], publicBaseUrl: undefined, responseValidation: 'throw', bodyLimitBytes: 1024 } });
      expect((await configured.app.request(preflight('https://app.example'))).headers.get('access-control-allow-origin')).toBe('https://app.example');
      expect((await configured.app.request(preflight('http://localhost:5173'))).headers.get('access-control-allow-origin')).toBeNull();
    });

    it('exposes Location, Retry-After and the request id to browsers, and adds nothing for callers without Origin', async () => {
      const { app } = shell();
      const browser = await app.request('/api/things', { headers: { ...caller, Origin: 'http://localhost:3000' } });
      expect(browser.headers.get('access-control-expose-headers')).toBe('Location,X-Request-Id,WWW-Authenticate,Retry-After');
      const server = await app.request('/api/things', { headers: caller });
      expect(server.headers.get('access-control-allow-origin')).toBeNull();
    });

    it('serves browsers every route the other callers get, with CORS headers and one request id', async () => {
      const { app } = shell();
      const origin = { Origin: 'http://localhost:5173' };
      const answers = {
        health: await app.request('/health', { headers: origin }),
        docs: await app.request('/docs', { headers: origin }),
        nowhere: await app.request('/nowhere', { headers: origin }),
        wrongMethod: await app.request('/api/things', { method: 'PUT', headers: { ...caller, ...origin } }),
      };
      expect(answers.health.status).toBe(200);
      // This test's error mapper answers each failure with its kind.
      expect(await answers.docs.json()).toEqual({ kind: 'notFound' });
      expect(await answers.nowhere.json()).toEqual({ kind: 'notFound' });
      expect(await answers.wrongMethod.json()).toEqual({ kind: 'methodNotAllowed' });
      for (const answer of Object.values(answers)) {
        expect(answer.headers.get('access-control-allow-origin')).toBe('http://localhost:5173');
        expect(answer.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
      }
    });
  });
});
