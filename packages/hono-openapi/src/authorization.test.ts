import { describe, expect, it } from 'vitest';
import type { Authorization } from './authorization.ts';
import type { OperationInfo } from './types/handler-types.ts';
import { authJson, fixtureApp, fixtureSpec, problemOf, type TestUser } from '../test/fixture-app.ts';

/** The fixture's createUser declares `x-privileges: [users_create]`; only basic-auth callers hold it here. */
const basicCallersOnly: Authorization<TestUser> = { extension: 'x-privileges', allows: (user) => user.via === 'basic' };
const asTokenUser = { authorization: 'Bearer good-token', 'content-type': 'application/json' };
const post = (headers: Record<string, string>, body: string) => ({ method: 'POST', headers, body }) as const;

/** The fixture spec with createUser's `x-privileges` replaced (deleted when `value` is undefined). */
function specWithPrivileges(value: unknown, security?: unknown): typeof fixtureSpec {
  const spec = structuredClone(fixtureSpec) as unknown as { paths: Record<string, Record<string, Record<string, unknown>>> };
  const createUser = spec.paths['/users']?.['post'] as Record<string, unknown>;
  createUser['x-privileges'] = value;
  if (security !== undefined) createUser['security'] = security;
  return spec as unknown as typeof fixtureSpec;
}

describe('authorization', () => {
  it('answers forbidden through the mapper, naming what the operation requires, without calling the handler', async () => {
    const { api } = fixtureApp({ authorization: basicCallersOnly });
    let called = false;
    api.handle('post', '/users', () => {
      called = true;
      return { status: 202, body: { userKey: 1 } };
    });
    const res = await api.app.request('/api/v1/users', post(asTokenUser, JSON.stringify({ username: 'alice', password: 'password-1' })));
    expect(res.status).toBe(403);
    expect(res.headers.get('x-request-id')).toBeTruthy();
    expect(await problemOf(res)).toMatchObject({ title: 'FORBIDDEN', detail: 'createUser requires users_create.' });
    expect(called).toBe(false);
  });

  it('answers 403, not 400, to an unprivileged caller whose body is invalid', async () => {
    const { api } = fixtureApp({ authorization: basicCallersOnly });
    api.handle('post', '/users', () => ({ status: 202, body: { userKey: 1 } }));
    const invalid = JSON.stringify({ username: '', role: 'admin' });
    expect((await api.app.request('/api/v1/users', post(asTokenUser, invalid))).status).toBe(403);
    expect((await api.app.request('/api/v1/users', post(asTokenUser, '{"username":'))).status).toBe(403);
    expect((await api.app.request('/api/v1/users', post(authJson, invalid))).status).toBe(400);
  });

  it('answers 403, not 501, to an unprivileged caller of an operation without a handler', async () => {
    const { api } = fixtureApp({ authorization: basicCallersOnly });
    const res = await api.app.request('/api/v1/users', post(asTokenUser, '{}'));
    expect(res.status).toBe(403);
  });

  it('authenticates first: a caller without credentials gets 401', async () => {
    const { api } = fixtureApp({ authorization: basicCallersOnly });
    const res = await api.app.request('/api/v1/users', post({ 'content-type': 'application/json' }, '{}'));
    expect(res.status).toBe(401);
  });

  it('passes the principal, the required list and the operation to allows, and skips operations without the extension', async () => {
    const calls: [TestUser, readonly string[], OperationInfo][] = [];
    const { api } = fixtureApp({
      authorization: {
        extension: 'x-privileges',
        allows: (...args) => {
          calls.push(args);
          return true;
        },
      },
    });
    api.handle('post', '/users', () => ({ status: 202, body: { userKey: 1 } }));
    api.handle('post', '/users/search', () => ({ status: 200, body: { items: [] } }));
    expect((await api.app.request('/api/v1/users', post(authJson, JSON.stringify({ username: 'alice', password: 'password-1' })))).status).toBe(202);
    expect((await api.app.request('/api/v1/users/search', post(authJson, '{}'))).status).toBe(200);
    expect(calls).toHaveLength(1);
    const [principal, required, operation] = calls[0] ?? [];
    expect([principal, required, operation?.operationId]).toEqual([{ name: 'admin', via: 'basic' }, ['users_create'], 'createUser']);
  });

  it('answers 500, logged, when allows throws', async () => {
    const { api, logger } = fixtureApp({
      authorization: {
        extension: 'x-privileges',
        allows: () => {
          throw new Error('policy store down');
        },
      },
    });
    api.handle('post', '/users', () => ({ status: 202, body: { userKey: 1 } }));
    const res = await api.app.request('/api/v1/users', post(authJson, '{}'));
    expect(res.status).toBe(500);
    expect(logger.lines[0]?.obj).toMatchObject({ operationId: 'createUser', requestId: res.headers.get('x-request-id') });
  });

  describe('at start-up', () => {
    it.each([['users_create'], [[1]], [null], [{ users: 'create' }]])('refuses x-privileges: %j, naming the operation', (value) => {
      expect(() => fixtureApp({ spec: specWithPrivileges(value), authorization: basicCallersOnly })).toThrow(
        /createUser: x-privileges must be an array of strings/,
      );
    });

    it('accepts an empty list, and a spec without the extension', () => {
      expect(() => fixtureApp({ spec: specWithPrivileges([]), authorization: basicCallersOnly })).not.toThrow();
      expect(() => fixtureApp({ spec: specWithPrivileges(undefined), authorization: basicCallersOnly })).not.toThrow();
    });

    it('refuses the extension on an operation that lets anonymous callers in', () => {
      expect(() => fixtureApp({ spec: specWithPrivileges(['users_create'], [{}, { basicAuth: [] }]), authorization: basicCallersOnly })).toThrow(
        /createUser: x-privileges is declared, but the operation's security lets anonymous callers in/,
      );
      expect(() => fixtureApp({ spec: specWithPrivileges(['users_create'], []), authorization: basicCallersOnly })).toThrow(/createUser/);
    });

    it('refuses an extension name that is not a vendor extension', () => {
      expect(() => fixtureApp({ authorization: { ...basicCallersOnly, extension: 'privileges' } })).toThrow(/must start with "x-"/);
    });

    it('leaves a malformed extension alone when no authorization reads it', () => {
      expect(() => fixtureApp({ spec: specWithPrivileges('users_create') })).not.toThrow();
    });
  });
});
