/**
 * The runtime's text hygiene (packages/hono-openapi/src/text-hygiene.ts) in Camunda's format: a
 * problem+json 400 naming the field, before any handler or store, so the same on every store.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { ADMIN, createTestApp, expectProblem, type TestApp } from './testing/test-app.ts';

let h: TestApp;
afterEach(async () => {
  h.assertNoSecretsLeaked();
  await h.close();
});

const basic = (credentials: Uint8Array | string) => `Basic ${Buffer.from(credentials).toString('base64')}`;
const admin = basic(`${ADMIN.username}:${ADMIN.password}`);
const json = (path: string, body: string | Uint8Array, headers: Record<string, string> = {}) =>
  h.send(new Request(`http://localhost/v2${path}`, { method: 'POST', headers: { authorization: admin, 'content-type': 'application/json', ...headers }, body }));

describe('text hygiene in Camunda problems', () => {
  it.each([
    ['createUser: NUL in username', '/users', '{"username":"jd\\u0000oe","password":"jdoe-Passw0rd"}', "'username'"],
    ['createUser: a lone surrogate in name', '/users', '{"username":"jdoe","password":"jdoe-Passw0rd","name":"J\\ud800"}', "'name'"],
    ['searchUsers: NUL in a filter', '/users/search', '{"filter":{"email":"a\\u0000@example.com"}}', "'filter.email'"],
    ['searchUsers: NUL in a property name', '/users/search', '{"filter":{"user\\u0000name":"x"}}', "'filter'"],
  ])('answers 400 INVALID_ARGUMENT to %s, naming the field', async (_name, path, body, field) => {
    h = await createTestApp();
    const problem = await expectProblem(await json(path, body), 400, { title: 'INVALID_ARGUMENT', path: `/v2${path}` });
    expect(problem.detail).toContain(field);
    expect(await h.store.count()).toBe(1);
  });

  it('answers updateUser 400 INVALID_ARGUMENT to a lone surrogate in a new email, naming it', async () => {
    h = await createTestApp();
    const response = await h.send(
      new Request('http://localhost/v2/users/1', { method: 'PUT', headers: { authorization: admin, 'content-type': 'application/json' }, body: '{"email":"\\udfffa@example.com"}' }),
    );
    const problem = await expectProblem(response, 400, { title: 'INVALID_ARGUMENT', path: '/v2/users/1' });
    expect(problem.detail).toContain("'email'");
  });

  it('answers 400 to a body that is not UTF-8, saying so', async () => {
    h = await createTestApp();
    const bytes = new Uint8Array([...Buffer.from('{"username":"jdoe","password":"jdoe-Passw0rd","name":"Ren'), 0xe9, ...Buffer.from('"}')]);
    const problem = await expectProblem(await json('/users', bytes), 400, { title: 'INVALID_ARGUMENT' });
    expect(problem.detail).toBe('The request body is not valid UTF-8.');
    expect(await h.store.count()).toBe(1);
  });

  it.each(['%E0%A4%A', '%ZZ', '%', '1%00'])('answers 400 naming userKey to DELETE /v2/users/%s', async (segment) => {
    h = await createTestApp();
    const response = await h.send(new Request(`http://localhost/v2/users/${segment}`, { method: 'DELETE', headers: { authorization: admin } }));
    const problem = await expectProblem(response, 400, { title: 'INVALID_ARGUMENT' });
    expect(problem.detail).toContain("'userKey'");
  });
});
