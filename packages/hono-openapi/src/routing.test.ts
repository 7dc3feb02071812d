import { describe, expect, it } from 'vitest';
import { createOpenApiApp } from './create-openapi-app.ts';
import { problemErrors } from '../test/fixtures/problem-errors.ts';
import { basePathFromServers, concreteFirst, covers, overlapGroups, overlaps, toRoutePath } from './routing.ts';
import { authJson, fixtureApp, problemOf } from '../test/fixture-app.ts';

describe('routing helpers', () => {
  it('turns spec templates into Hono params under the base path', () => {
    const route = toRoutePath('/v2', '/users/{userKey}/roles/{role-id}');
    expect(route.route).toBe('/v2/users/:userKey/roles/:p4');
    expect([...route.aliases]).toEqual([
      ['userKey', 'userKey'],
      ['role-id', 'p4'],
    ]);
  });

  it('rejects a parameter that fills only part of a segment', () => {
    expect(() => toRoutePath('', '/files/{name}.json')).toThrow(/whole segment/);
  });

  it('orders concrete paths before templated ones', () => {
    expect(concreteFirst(['/users/{id}', '/users', '/users/search', '/{any}/x'])).toEqual([
      '/users',
      '/users/search',
      '/users/{id}',
      '/{any}/x',
    ]);
  });

  it('finds the spec paths that can match the same URL', () => {
    expect(overlaps('/users/search', '/users/{id}')).toBe(true);
    expect(overlaps('/users', '/users/{id}')).toBe(false);
    expect(overlaps('/users/search', '/users/me')).toBe(false);
    expect(covers('/users/{id}', '/users/search')).toBe(true);
    expect(covers('/users/search', '/users/{id}')).toBe(false);
    expect(overlapGroups(['/users', '/users/search', '/users/me', '/users/{id}', '/health'])).toEqual([
      ['/users'],
      ['/users/search', '/users/me', '/users/{id}'],
      ['/health'],
    ]);
  });

  it('takes the base path from the first server URL', () => {
    expect(basePathFromServers([{ url: 'http://localhost:8080/v2' }])).toBe('/v2');
    expect(basePathFromServers([{ url: 'https://{host}/api/v3/onezone/', variables: { host: { default: 'x' } } }])).toBe('/api/v3/onezone');
    expect(basePathFromServers([{ url: '/' }])).toBe('');
    expect(basePathFromServers(undefined)).toBe('');
  });
});

describe('routing of requests', () => {
  const { api } = fixtureApp();
  api.handle('get', '/users/{userKey}', (req) => ({ status: 200, body: { key: req.params.userKey, username: 'u' } }));
  api.handle('post', '/users/search', () => ({ status: 200, body: { items: [] } }));

  it('answers an unknown path with 404 through the mapper', async () => {
    const res = await api.app.request('/api/v1/nope', { headers: authJson });
    expect(res.status).toBe(404);
    expect(res.headers.get('content-type')).toBe('application/problem+json');
    expect(await problemOf(res)).toMatchObject({ status: 404, title: 'NOT_FOUND', instance: 'http://localhost/api/v1/nope' });
  });

  it('answers a path outside the base path with 404', async () => {
    expect((await api.app.request('/users/1', { headers: authJson })).status).toBe(404);
  });

  it('answers a known path with an undeclared method with 405 and Allow', async () => {
    const res = await api.app.request('/api/v1/users/1', { method: 'PUT', headers: authJson });
    expect(res.status).toBe(405);
    expect(res.headers.get('allow')).toBe('GET, DELETE, HEAD');
    expect(await problemOf(res)).toMatchObject({ status: 405, detail: "Request method 'PUT' is not supported." });
  });

  it('routes a concrete path before a templated one', async () => {
    // GET /users/search must not become getUser with userKey "search".
    const res = await api.app.request('/api/v1/users/search', { headers: authJson });
    expect(res.status).toBe(405);
    expect(res.headers.get('allow')).toBe('POST');
    const ok = await api.app.request('/api/v1/users/search', { method: 'POST', headers: authJson });
    expect(ok.status).toBe(200);
  });

  it('keeps Hono on its RegExpRouter by giving overlapping paths one route', async () => {
    await api.app.request('/api/v1/users/7', { headers: authJson });
    expect(api.app.router.name).toContain('RegExpRouter');
  });

  it('still routes concrete-first when no template covers the others', async () => {
    const spec = {
      openapi: '3.1.0',
      info: { title: 't', version: '1' },
      paths: {
        '/a/{x}/b': { get: { operationId: 'getB', responses: { 204: { description: '' } } } },
        '/a/c/{y}': { post: { operationId: 'postC', responses: { 204: { description: '' } } } },
      },
    };
    const other = createOpenApiApp<{
      '/a/{x}/b': { get: { responses: { 204: { content?: never } } } };
      '/a/c/{y}': { post: { responses: { 204: { content?: never } } } };
    }>({ spec, errors: problemErrors });
    other.handle('get', '/a/{x}/b', () => ({ status: 204 }));
    other.handle('post', '/a/c/{y}', () => ({ status: 204 }));
    expect((await other.app.request('/a/z/b')).status).toBe(204);
    expect((await other.app.request('/a/c/q', { method: 'POST' })).status).toBe(204);
    const shadowed = await other.app.request('/a/c/b');
    expect([shadowed.status, shadowed.headers.get('allow')]).toEqual([405, 'POST']);
  });

  it('answers HEAD with the GET handler and no body', async () => {
    const res = await api.app.request('/api/v1/users/7', { method: 'HEAD', headers: authJson });
    expect(res.status).toBe(200);
    expect(await res.text()).toBe('');
  });

  it('serves under an explicit basePath', async () => {
    const { api: other } = fixtureApp({ basePath: '/x' });
    other.handle('get', '/health', () => ({ status: 200, body: 'ok' }));
    const res = await other.app.request('/x/health');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/plain; charset=UTF-8');
    expect(await res.text()).toBe('ok');
  });
});
