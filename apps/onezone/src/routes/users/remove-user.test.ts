import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createBrokenApp, expectInternalError } from '../../testing/internal-error.ts';
import { createTestApp, type TestApp } from '../../testing/test-app.ts';

const rudolf = { fullName: 'Rudolf Lingens', username: 'r.lingens', password: 'lS1c6FD2mxB2ff' };

describe('remove_user', () => {
  let t: TestApp;
  beforeEach(async () => {
    t = await createTestApp();
  });
  afterEach(() => t.close());

  it('answers 204 without a body, after which get_user answers 404', async () => {
    const id = await t.createUser(rudolf);
    const { response } = await t.admin.DELETE('/users/{id}', { params: { path: { id } } });
    expect(response.status).toBe(204);
    expect(await response.text()).toBe('');
    const after = await t.admin.GET('/users/{id}', { params: { path: { id } } });
    expect(after.response.status).toBe(404);
  });

  it('signs the removed user out at once, although their credentials were cached', async () => {
    const id = await t.createUser(rudolf);
    expect((await t.client(rudolf).GET('/user')).response.status).toBe(200);
    await t.admin.DELETE('/users/{id}', { params: { path: { id } } });
    expect((await t.client(rudolf).GET('/user')).response.status).toBe(401);
  });

  it('frees the username for a new user', async () => {
    const id = await t.createUser(rudolf);
    await t.admin.DELETE('/users/{id}', { params: { path: { id } } });
    const { response } = await t.admin.POST('/users', { body: rudolf });
    expect(response.status).toBe(201);
  });

  it('answers 404 notFound for an unknown id', async () => {
    const { response, error } = await t.admin.DELETE('/users/{id}', { params: { path: { id: 'no-such-user' } } });
    expect(response.status).toBe(404);
    expect(error?.error.id).toBe('notFound');
  });

  it('answers 403 to a user without oz_users_delete and removes nothing', async () => {
    const id = await t.createUser(rudolf);
    const { response, error } = await t.client(rudolf).DELETE('/users/{id}', { params: { path: { id } } });
    expect(response.status).toBe(403);
    expect(error?.error.id).toBe('forbidden');
    expect(await t.store.get(id)).toBeDefined();
  });

  it('answers 500 when the store fails', async () => {
    const broken = await createBrokenApp('remove');
    const { response, error } = await broken.admin.DELETE('/users/{id}', { params: { path: { id: 'any' } } });
    expectInternalError(broken, response, error);
    await broken.close();
  });
});
