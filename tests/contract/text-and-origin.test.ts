/**
 * The defect classes the spec-driven fuzzer found (issue #8), on real processes and both stores:
 * U+0000, lone surrogates, broken percent-encoding, odd `Host` headers (a body that is not UTF-8,
 * refused before any store, is tested in packages/hono-openapi body.test.ts and in each app's
 * text-hygiene.test.ts).
 * Each answer must be the same 4xx in the API's format on SQLite and PostgreSQL (which used to
 * answer 500), conform to the spec, and never echo a client's Host. The rules themselves are
 * tested in packages/hono-openapi (text-hygiene.test.ts) and packages/http (public-origin.test.ts).
 */
import { describe, expect, it } from 'vitest';
import { camundaSpec } from '@repo/specs/camunda';
import { onezoneSpec } from '@repo/specs/onezone';
import { ADMIN } from '../support/admin.ts';
import { APIS, type ApiName } from '../support/apis.ts';
import { specChecker } from '@repo/test-kit';
import { rawHead, rawRequest, type RawRequest, type RawResponse } from '../support/raw-request.ts';
import { storeTargets, storeTitle } from '../support/stores.ts';
import { useServers } from '../support/use-server.ts';

const stores = await storeTargets('text hygiene and public URL contract tests on PostgreSQL');
const specs = { camunda: camundaSpec, onezone: onezoneSpec } as const;

const basic = (credentials: string | Uint8Array) => `Basic ${Buffer.from(credentials).toString('base64')}`;
const admin = basic(`${ADMIN.username}:${ADMIN.password}`);
const json = { 'content-type': 'application/json' };

for (const store of stores) {
  describe.skipIf(!store.available)(`text hygiene and public URLs on ${storeTitle(store)}`, () => {
    const servers = useServers(store, ['camunda', 'onezone']);

    /** Sends a raw request to `api`'s server and asserts the response conforms to its spec. */
    async function send(api: ApiName, req: RawRequest): Promise<RawResponse> {
      const { server } = servers[api]();
      const path = `${APIS[api].basePath}${req.path}`;
      const response = await rawRequest(server.port, { ...req, path });
      expect(specChecker(specs[api]).violations(req.method, `${server.origin}${path}`, response), `${req.method} ${path}`).toEqual([]);
      return response;
    }

    const problemOf = (response: RawResponse) => JSON.parse(response.text) as { title: string; detail: string; instance: string };
    const errorOf = (response: RawResponse) => (JSON.parse(response.text) as { error: { id: string; details?: unknown } }).error;

    describe('Camunda', () => {
      it.each([
        ['NUL in a search filter', '/users/search', '{"filter":{"username":"ad\\u0000min"}}', "'filter.username'"],
        ['a lone surrogate in a search filter', '/users/search', '{"filter":{"name":"\\ud800"}}', "'filter.name'"],
        ['NUL in a new username', '/users', '{"username":"jd\\u0000oe","password":"jdoe-Passw0rd"}', "'username'"],
      ])('answers 400 INVALID_ARGUMENT to %s, naming the field', async (_name, path, body, field) => {
        const response = await send('camunda', { method: 'POST', path, headers: { ...json, authorization: admin }, body });
        expect(response.status).toBe(400);
        expect(problemOf(response)).toMatchObject({ title: 'INVALID_ARGUMENT', detail: expect.stringContaining(field) });
      });

      it('answers updateUser 400 INVALID_ARGUMENT to NUL in a new name, naming it', async () => {
        const response = await send('camunda', { method: 'PUT', path: '/users/1', headers: { ...json, authorization: admin }, body: '{"name":"Jane\\u0000Doe"}' });
        expect(response.status).toBe(400);
        expect(problemOf(response)).toMatchObject({ title: 'INVALID_ARGUMENT', detail: expect.stringContaining("'name'") });
      });

      it('answers 401 to a basic-auth username holding NUL, before any store lookup', async () => {
        const response = await send('camunda', { method: 'POST', path: '/users/search', headers: { ...json, authorization: basic(`ad\u0000min:${ADMIN.password}`) }, body: '{}' });
        expect(response.status).toBe(401);
        expect(problemOf(response).title).toBe('UNAUTHORIZED');
      });

      it('never stores a username holding NUL: the search still finds exactly the admin', async () => {
        await send('camunda', { method: 'POST', path: '/users', headers: { ...json, authorization: admin }, body: '{"username":"admin\\u0000x","password":"x-Passw0rd"}' });
        const response = await send('camunda', { method: 'POST', path: '/users/search', headers: { ...json, authorization: admin }, body: '{"filter":{"username":"admin"}}' });
        expect(JSON.parse(response.text)).toMatchObject({ page: { totalItems: 1 } });
      });

      it.each(['%E0%A4%A', '%ZZ', '%', '1%00'])('answers DELETE /v2/users/%s with 400 and an instance that is a valid URI', async (segment) => {
        const response = await send('camunda', { method: 'DELETE', path: `/users/${segment}`, headers: { authorization: admin } });
        expect(response.status).toBe(400);
        expect(problemOf(response).detail).toContain("'userKey'");
      });

      it.each([
        ['another host', 'evil.example.com'],
        ['an empty Host', ''],
        ['a very long Host', `${'a'.repeat(4000)}.example`],
        ['an IPv6 literal', '[2001:db8::1]:8080'],
      ])('builds instance from the listening address, not from %s', async (_name, host) => {
        const response = await send('camunda', { method: 'DELETE', path: '/users/1', headers: { host } });
        expect(response.status).toBe(401);
        expect(problemOf(response).instance).toBe(`${servers.camunda().server.origin}/v2/users/1`);
      });

      it('keeps a Host that names the listening address', async () => {
        const { port } = servers.camunda().server;
        const response = await send('camunda', { method: 'DELETE', path: '/users/1', headers: { host: `localhost:${port}` } });
        expect(problemOf(response).instance).toBe(`http://localhost:${port}/v2/users/1`);
      });
    });

    describe('Onezone', () => {
      it.each([
        ['NUL in username', 'badValueUsername', '{"username":"r.lin\\u0000gens","password":"lS1c6FD2mxB2ff"}'],
        ['NUL in password', 'badValuePassword', '{"username":"r.lingens","password":"lS1c6\\u0000FD2mxB2ff"}'],
        ['a lone surrogate in fullName', 'badValueFullName', '{"fullName":"Rudolf \\udbff","username":"r.lingens"}'],
      ])('answers create_user 400 to %s: %s', async (_name, id, body) => {
        const response = await send('onezone', { method: 'POST', path: '/users', headers: { ...json, authorization: admin }, body });
        expect(response.status).toBe(400);
        expect(errorOf(response).id).toBe(id);
      });

      it('answers 401 to a basic-auth username holding NUL, before any store lookup', async () => {
        const response = await send('onezone', { method: 'GET', path: '/user', headers: { authorization: basic(`ad\u0000min:${ADMIN.password}`) } });
        expect(response.status).toBe(401);
        expect(errorOf(response).id).toBe('unauthorized');
      });

      it.each(['%E0%A4%A', '%ZZ', 'abc%00'])('answers get_user /users/%s with 400 badValueString {key: id}', async (segment) => {
        const response = await send('onezone', { method: 'GET', path: `/users/${segment}`, headers: { authorization: admin } });
        expect(response.status).toBe(400);
        expect(errorOf(response)).toMatchObject({ id: 'badValueString', details: { key: 'id' } });
      });

      it.each([
        ['another host', 'evil.example.com'],
        ['an empty Host', ''],
        ['a very long Host', `${'a'.repeat(4000)}.example`],
        ['an IPv6 literal', '[2001:db8::1]'],
      ])('builds Location from the listening address, not from %s', async (_name, host) => {
        const response = await send('onezone', { method: 'POST', path: '/users', headers: { ...json, authorization: admin, host }, body: '{}' });
        expect(response.status).toBe(201);
        expect(response.headers.get('location')).toMatch(new RegExp(`^${servers.onezone().server.origin}/api/v3/onezone/users/[0-9a-f]{32}$`));
      });
    });

    // Node's HTTP parser refuses these before any app code runs; @repo/http's clientErrorResponse
    // turns its bare 400 into the API's error (INVALID_ARGUMENT / malformedData), for any path.
    it.each([
      ['camunda', 'POST', '/users/search', 'INVALID_ARGUMENT'],
      ['onezone', 'GET', '/user', 'malformedData'],
    ] as const)('%s: answers 400 in its own format (not 500, not a bare 400) to NUL in the Authorization or an X- header', async (api, method, path, code) => {
      const { port, origin } = servers[api]().server;
      const url = `${origin}${APIS[api].basePath}${path}`;
      for (const header of ['Authorization: Basic YWRt\u0000aW4=', 'X-Request-Id: a\u0000b', `X-Big: ${'a'.repeat(20_000)}`]) {
        const head = Buffer.from(`${method} ${APIS[api].basePath}${path} HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\n${header}`, 'latin1');
        const response = await rawHead(port, head);
        expect(response.statusLine, header.slice(0, 20)).toBe('HTTP/1.1 400 Bad Request');
        expect(response.headers.get('connection')).toBe('close');
        expect(specChecker(specs[api]).violations(method, url, response), header.slice(0, 20)).toEqual([]);
        if (api === 'camunda') expect(problemOf(response).title).toBe(code);
        else expect(errorOf(response).id).toBe(code);
      }
    });
  });
}
