import { afterEach, describe, expect, it } from 'vitest';
import { FIRST_USER_KEY } from '../../stores/user-store.ts';
import { createTestApp, expectProblem, type TestApp } from '../../testing/test-app.ts';

let h: TestApp;
afterEach(async () => {
  h.assertNoSecretsLeaked();
  await h.close();
});

describe('deleteUser (DELETE /users/{userKey})', () => {
  it('returns 204 with no body; the user is gone from search and can no longer log in', async () => {
    h = await createTestApp();
    const userKey = await h.createUser('gone', 'gone-Passw0rd');
    const before = await h.client('gone', 'gone-Passw0rd').POST('/users/search', { body: {} });
    expect(before.response.status).toBe(403);

    const { response } = await h.admin().DELETE('/users/{userKey}', { params: { path: { userKey } } });
    expect(response.status).toBe(204);
    expect(await response.text()).toBe('');
    const { data } = await h.admin().POST('/users/search', { body: { filter: { username: 'gone' } } });
    expect(data!.page.totalItems).toBe(0);
    // Even with its credentials remembered by the authentication cache.
    const after = await h.client('gone', 'gone-Passw0rd').POST('/users/search', { body: {} });
    await expectProblem(after.response, 401);
  });

  it('returns 404 for an unknown key, and for a key deleted before', async () => {
    h = await createTestApp();
    const unknown = FIRST_USER_KEY + 50;
    const { response } = await h.admin().DELETE('/users/{userKey}', { params: { path: { userKey: unknown } } });
    const problem = await expectProblem(response, 404, { title: 'NOT_FOUND', path: `/v2/users/${unknown}` });
    expect(problem.detail).toContain(String(unknown));

    const userKey = await h.createUser('twice');
    await h.admin().DELETE('/users/{userKey}', { params: { path: { userKey } } });
    const again = await h.admin().DELETE('/users/{userKey}', { params: { path: { userKey } } });
    await expectProblem(again.response, 404);
  });

  it.each(['9007199254740993', '9223372036854775807', '9223372036854775808'])(
    'returns 400 for the key %s, beyond the safe integers, instead of rounding it to another key',
    async (key) => {
      h = await createTestApp();
      const response = await h.send(new Request(`http://localhost/v2/users/${key}`, { method: 'DELETE', headers: { authorization: adminAuth() } }));
      expect((await expectProblem(response, 400, { title: 'INVALID_ARGUMENT' })).detail).toMatch(/userKey/);
    },
  );

  it.each(['jdoe', '0', '-5', '1.5'])('returns 400 for the key %j, naming userKey', async (key) => {
    h = await createTestApp();
    const response = await h.send(new Request(`http://localhost/v2/users/${key}`, { method: 'DELETE', headers: { authorization: adminAuth() } }));
    expect((await expectProblem(response, 400, { title: 'INVALID_ARGUMENT' })).detail).toMatch(/userKey/);
  });

  it('returns 403 for a user without user-management, and deletes nothing', async () => {
    h = await createTestApp();
    const userKey = await h.createUser('kept');
    await h.createUser('plain', 'plain-Passw0rd');
    const { response } = await h.client('plain', 'plain-Passw0rd').DELETE('/users/{userKey}', { params: { path: { userKey } } });
    expect((await expectProblem(response, 403, { title: 'FORBIDDEN', path: `/v2/users/${userKey}` })).detail).toContain("'DELETE'");
    expect(await h.store.findByUsername('kept')).toBeDefined();
  });

  it('returns 500 with the request id when the store fails', async () => {
    h = await createTestApp({ failing: ['deleteByKey'] });
    const { response } = await h.admin().DELETE('/users/{userKey}', { params: { path: { userKey: FIRST_USER_KEY } } });
    const problem = await expectProblem(response, 500, { title: 'INTERNAL' });
    expect(problem.detail).toContain(response.headers.get('x-request-id'));
  });
});

function adminAuth(): string {
  return `Basic ${Buffer.from('admin:admin-Passw0rd!').toString('base64')}`;
}
