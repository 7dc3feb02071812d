/**
 * The runtime's text hygiene (packages/hono-openapi/src/text-hygiene.ts) in Camunda's format: a
 * problem+json 400 naming the field, before any handler or store, so the same on every store.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { SqlUserStore } from './stores/sql-user-store.ts';
import type { UserStore } from './stores/user-store.ts';
import { ADMIN, createHarness, expectProblem, type Harness } from './test-support/harness.ts';

let h: Harness;
afterEach(async () => {
  h.assertNoSecretsLeaked();
  await h.close();
});

const basic = (credentials: Uint8Array | string) => `Basic ${Buffer.from(credentials).toString('base64')}`;
const admin = basic(`${ADMIN.username}:${ADMIN.password}`);
const json = (path: string, body: string | Uint8Array, headers: Record<string, string> = {}) =>
  h.send(new Request(`http://localhost/v2${path}`, { method: 'POST', headers: { authorization: admin, 'content-type': 'application/json', ...headers }, body }));

/** A store that records every username looked up. */
async function recordingStore(): Promise<{ store: UserStore; lookups: string[] }> {
  const real = await SqlUserStore.open({ inMemory: true, dataDir: 'unused', fileName: 'unused' });
  const lookups: string[] = [];
  const store = new Proxy(real, {
    get(target, property, receiver) {
      if (property === 'findByUsername') return (username: string) => (lookups.push(username), target.findByUsername(username));
      const value: unknown = Reflect.get(target, property, receiver);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
  return { store, lookups };
}

describe('text hygiene in Camunda problems', () => {
  it.each([
    ['createUser: NUL in username', '/users', '{"username":"jd\\u0000oe","password":"jdoe-Passw0rd"}', "'username'"],
    ['createUser: a lone surrogate in name', '/users', '{"username":"jdoe","password":"jdoe-Passw0rd","name":"J\\ud800"}', "'name'"],
    ['searchUsers: NUL in a filter', '/users/search', '{"filter":{"email":"a\\u0000@example.com"}}', "'filter.email'"],
    ['searchUsers: NUL in a property name', '/users/search', '{"filter":{"user\\u0000name":"x"}}', "'filter'"],
  ])('answers 400 INVALID_ARGUMENT to %s, naming the field', async (_name, path, body, field) => {
    h = await createHarness();
    const problem = await expectProblem(await json(path, body), 400, { title: 'INVALID_ARGUMENT', path: `/v2${path}` });
    expect(problem.detail).toContain(field);
    expect(await h.store.count()).toBe(1);
  });

  it('answers updateUser 400 INVALID_ARGUMENT to a lone surrogate in a new email, naming it', async () => {
    h = await createHarness();
    const response = await h.send(
      new Request('http://localhost/v2/users/1', { method: 'PUT', headers: { authorization: admin, 'content-type': 'application/json' }, body: '{"email":"\\udfffa@example.com"}' }),
    );
    const problem = await expectProblem(response, 400, { title: 'INVALID_ARGUMENT', path: '/v2/users/1' });
    expect(problem.detail).toContain("'email'");
  });

  it('answers 400 to a body that is not UTF-8, saying so', async () => {
    h = await createHarness();
    const bytes = new Uint8Array([...Buffer.from('{"username":"jdoe","password":"jdoe-Passw0rd","name":"Ren'), 0xe9, ...Buffer.from('"}')]);
    const problem = await expectProblem(await json('/users', bytes), 400, { title: 'INVALID_ARGUMENT' });
    expect(problem.detail).toBe('The request body is not valid UTF-8.');
    expect(await h.store.count()).toBe(1);
  });

  it.each(['%E0%A4%A', '%ZZ', '%', '1%00'])('answers 400 naming userKey to DELETE /v2/users/%s', async (segment) => {
    h = await createHarness();
    const response = await h.send(new Request(`http://localhost/v2/users/${segment}`, { method: 'DELETE', headers: { authorization: admin } }));
    const problem = await expectProblem(response, 400, { title: 'INVALID_ARGUMENT' });
    expect(problem.detail).toContain("'userKey'");
  });

  it.each([
    ['NUL in the username', basic(`ad\u0000min:${ADMIN.password}`)],
    ['NUL in the password', basic(`${ADMIN.username}:${ADMIN.password}\u0000`)],
    ['bytes that are not UTF-8', basic(new Uint8Array([0x61, 0xe9, 0x3a, 0x70]))],
  ])('answers 401 to %s without looking anyone up', async (_name, authorization) => {
    const { store, lookups } = await recordingStore();
    h = await createHarness({ store });
    const response = await json('/users/search', '{}', { authorization });
    await expectProblem(response, 401, { title: 'UNAUTHORIZED' });
    expect(lookups).toEqual([]);
  });
});
