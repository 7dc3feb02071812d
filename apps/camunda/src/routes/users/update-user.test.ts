import { afterEach, describe, expect, it } from 'vitest';
import { FIRST_USER_KEY } from '../../stores/user-store.ts';
import { createTestApp, expectProblem, type TestApp } from '../../testing/test-app.ts';

let h: TestApp;
afterEach(async () => {
  h.assertNoSecretsLeaked();
  await h.close();
});

describe('updateUser (PUT /users/{userKey})', () => {
  it('returns 204 and changes name and email in place; the password stays', async () => {
    h = await createTestApp();
    const userKey = await h.createUser('jdoe', 'old-Passw0rd', { name: 'Jane Doe', email: 'jane.doe@example.com' });
    const { response } = await h.admin().PUT('/users/{userKey}', {
      params: { path: { userKey } },
      body: { name: 'Jane Q. Doe', email: 'jane.q.doe@example.com' },
    });
    expect(response.status).toBe(204);
    expect(await response.text()).toBe('');
    const { data } = await h.admin().POST('/users/search', { body: { filter: { username: 'jdoe' } } });
    expect(data!.items).toEqual([{ key: userKey, username: 'jdoe', name: 'Jane Q. Doe', email: 'jane.q.doe@example.com' }]);
    expect(await h.hasher.verify((await h.store.findByUsername('jdoe'))!.passwordHash, 'old-Passw0rd')).toBe(true);
  });

  it('changes the password in place: the old one stops working at once, the new one works, the key stays', async () => {
    h = await createTestApp();
    const userKey = await h.createUser('jdoe', 'old-Passw0rd');
    // Signed in once, so the authentication cache remembers the old password.
    expect((await h.client('jdoe', 'old-Passw0rd').POST('/users/search', { body: {} })).response.status).toBe(403);
    h.addSecret('n3w-s3cr3t-Passw0rd');
    const { response } = await h.admin().PUT('/users/{userKey}', { params: { path: { userKey } }, body: { password: 'n3w-s3cr3t-Passw0rd' } });
    expect(response.status).toBe(204);
    await expectProblem((await h.client('jdoe', 'old-Passw0rd').POST('/users/search', { body: {} })).response, 401);
    expect((await h.client('jdoe', 'n3w-s3cr3t-Passw0rd').POST('/users/search', { body: {} })).response.status).toBe(403);
    expect((await h.store.findByUsername('jdoe'))!.key).toBe(userKey);
  });

  it('leaves the password unchanged when it is blank', async () => {
    h = await createTestApp();
    const userKey = await h.createUser('jdoe', 'old-Passw0rd');
    const { response } = await h.admin().PUT('/users/{userKey}', { params: { path: { userKey } }, body: { password: '', name: 'J' } });
    expect(response.status).toBe(204);
    expect(await h.hasher.verify((await h.store.findByUsername('jdoe'))!.passwordHash, 'old-Passw0rd')).toBe(true);
  });

  it('returns 404 for an unknown key', async () => {
    h = await createTestApp();
    const unknown = FIRST_USER_KEY + 50;
    const { response } = await h.admin().PUT('/users/{userKey}', { params: { path: { userKey: unknown } }, body: { name: 'x' } });
    const problem = await expectProblem(response, 404, { title: 'NOT_FOUND', path: `/v2/users/${unknown}` });
    expect(problem.detail).toContain(String(unknown));
  });

  it('returns 400 for a malformed email and for an unknown property, changing nothing', async () => {
    h = await createTestApp();
    const userKey = await h.createUser('jdoe', 'old-Passw0rd', { email: 'jane.doe@example.com' });
    const bad = await h.admin().PUT('/users/{userKey}', { params: { path: { userKey } }, body: { email: 'jane.q.doe.example.com' } });
    expect((await expectProblem(bad.response, 400, { title: 'INVALID_ARGUMENT' })).detail).toMatch(/email/);
    const unknown = await h.admin().PUT('/users/{userKey}', {
      params: { path: { userKey } },
      body: { username: 'renamed' } as unknown as { name: string },
    });
    expect((await expectProblem(unknown.response, 400, { title: 'INVALID_ARGUMENT' })).detail).toMatch(/username/);
    expect(await h.store.findByUsername('jdoe')).toMatchObject({ email: 'jane.doe@example.com' });
  });

  it('returns 403 for a user without user-management, and changes nothing', async () => {
    h = await createTestApp();
    const userKey = await h.createUser('kept', 'kept-Passw0rd', { name: 'Kept' });
    await h.createUser('plain', 'plain-Passw0rd');
    const { response } = await h.client('plain', 'plain-Passw0rd').PUT('/users/{userKey}', { params: { path: { userKey } }, body: { name: 'Changed' } });
    expect((await expectProblem(response, 403, { title: 'FORBIDDEN' })).detail).toContain("'UPDATE'");
    expect(await h.store.findByUsername('kept')).toMatchObject({ name: 'Kept' });
  });

  it('returns 500 with the request id when the store fails', async () => {
    h = await createTestApp({ failing: ['update'] });
    const { response } = await h.admin().PUT('/users/{userKey}', { params: { path: { userKey: FIRST_USER_KEY } }, body: { name: 'x' } });
    const problem = await expectProblem(response, 500, { title: 'INTERNAL' });
    expect(problem.detail).toContain(response.headers.get('x-request-id'));
  });
});
