import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createBrokenApp, expectInternalError } from '../../testing/internal-error.ts';
import { ADMIN, createTestApp, type TestApp } from '../../testing/test-app.ts';

describe('list_users', () => {
  let t: TestApp;
  beforeEach(async () => {
    t = await createTestApp();
  });
  afterEach(() => t.close());

  it('answers 200 with every user id, oldest first, the admin included', async () => {
    const adminId = (await t.store.findByUsername(ADMIN.username))?.id;
    const a = await t.createUser({ username: 'user.a' });
    const b = await t.createUser({});
    const { response, data } = await t.admin.GET('/users');
    expect(response.status).toBe(200);
    expect(data).toEqual({ users: [adminId, a, b] });
  });

  it('answers 403 to a user without oz_users_list', async () => {
    await t.createUser({ username: 'plain.user', password: 'plain-password' });
    const { response, error } = await t.client({ username: 'plain.user', password: 'plain-password' }).GET('/users');
    expect(response.status).toBe(403);
    expect(error?.error.id).toBe('forbidden');
  });

  it('answers 500 when the store fails', async () => {
    const broken = await createBrokenApp('list');
    const { response, error } = await broken.admin.GET('/users');
    expectInternalError(broken, response, error);
    await broken.close();
  });
});
