/**
 * The runtime's text hygiene (packages/hono-openapi/src/text-hygiene.ts) in Onezone's format,
 * through the validation table (errors/validation-table.ts): before any handler or store, so the
 * same on every store.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ADMIN, BASE_URL, basicAuth, createTestApp, type TestApp } from './testing/test-app.ts';

let t: TestApp;
beforeEach(async () => {
  t = await createTestApp();
});
afterEach(() => t.close());

const admin = basicAuth(ADMIN.username, ADMIN.password);
const post = (body: string | Uint8Array, headers: Record<string, string> = {}) =>
  t.app.request(`${BASE_URL}/users`, { method: 'POST', headers: { authorization: admin, 'content-type': 'application/json', ...headers }, body });

async function expectError(response: Response, status: number, id: string, details?: unknown) {
  expect(response.status).toBe(status);
  const { error } = (await response.json()) as { error: { id: string; details?: unknown } };
  expect(error.id).toBe(id);
  expect(error.details).toEqual(details);
}

describe('text hygiene in Onezone errors', () => {
  it.each([
    ['NUL in username', '{"username":"r.lin\\u0000gens","password":"lS1c6FD2mxB2ff"}', 'badValueUsername', undefined],
    ['NUL in password', '{"username":"r.lingens","password":"lS1c6FD2\\u0000mxB2ff"}', 'badValuePassword', undefined],
    ['a lone surrogate in fullName', '{"fullName":"Rudolf \\udc00","username":"r.lingens"}', 'badValueFullName', undefined],
    ['NUL in a property name', '{"username":"r.lingens","\\u0000":1}', 'malformedData', undefined],
  ])('answers create_user 400 for %s', async (_name, body, id, details) => {
    await expectError(await post(body), 400, id, details);
    expect(await t.store.count()).toBe(1);
  });

  it('answers 400 malformedData to a body that is not UTF-8', async () => {
    const bytes = new Uint8Array([...Buffer.from('{"fullName":"Ren'), 0xe9, ...Buffer.from('"}')]);
    await expectError(await post(bytes), 400, 'malformedData');
    expect(await t.store.count()).toBe(1);
  });

  it.each(['%E0%A4%A', '%ZZ', '%', 'abc%00'])('answers get_user and remove_user 400 badValueString {key: id} for /users/%s', async (segment) => {
    for (const method of ['GET', 'DELETE']) {
      const response = await t.app.request(`${BASE_URL}/users/${segment}`, { method, headers: { authorization: admin } });
      await expectError(response, 400, 'badValueString', { key: 'id' });
    }
  });

  it('still answers 404 to an id that is well-formed text but names no user', async () => {
    await expectError(await t.app.request(`${BASE_URL}/users/%C3%A9t%C3%A9`, { headers: { authorization: admin } }), 404, 'notFound');
  });
});
