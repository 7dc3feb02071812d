import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../testing/test-app.ts';

const rudolf = { fullName: 'Rudolf Lingens', username: 'r.lingens', password: 'lS1c6FD2mxB2ff' };

describe('toggle_user_access_block', () => {
  let t: TestApp;
  beforeEach(async () => {
    t = await createTestApp();
  });
  afterEach(() => t.close());

  const block = (id: string, body: Record<string, unknown>) => t.admin.PATCH('/users/{id}/access_block', { params: { path: { id } }, body: body as never });

  it('answers 204; a blocked user can use neither password nor token (userBlocked), at once', async () => {
    const id = await t.createUser(rudolf);
    const token = await t.createToken(rudolf);
    expect((await t.client(rudolf).GET('/user')).response.status).toBe(200);
    expect((await block(id, { blocked: true })).response.status).toBe(204);
    expect((await t.admin.GET('/users/{id}', { params: { path: { id } } })).data?.blocked).toBe(true);
    for (const client of [t.client(rudolf), t.tokenClient(token), t.tokenClient(token, 'Bearer')]) {
      const { response, error } = await client.GET('/user');
      expect(response.status).toBe(401);
      expect(error?.error).toMatchObject({ id: 'unauthorized', details: { authError: { id: 'userBlocked' } } });
    }
  });

  it('tells a wrong password apart from a block only to whoever knows the password', async () => {
    const id = await t.createUser(rudolf);
    await block(id, { blocked: true });
    const { error } = await t.client({ ...rudolf, password: 'wrong-password' }).GET('/user');
    expect(error?.error.details?.authError?.id).toBe('badBasicCredentials');
  });

  it('lets the user back in when the block is lifted', async () => {
    const id = await t.createUser(rudolf);
    await block(id, { blocked: true });
    expect((await block(id, { blocked: false })).response.status).toBe(204);
    expect((await t.client(rudolf).GET('/user')).data?.blocked).toBe(false);
  });

  it.each([
    ['no blocked', {}, 'missingRequiredValue'],
    ['a non-boolean blocked', { blocked: 'true' }, 'badValueBoolean'],
    ['a null blocked', { blocked: null }, 'badValueBoolean'],
  ])('answers 400 for %s', async (_, body, id) => {
    const userId = await t.createUser(rudolf);
    const { response, error } = await block(userId, body);
    expect(response.status).toBe(400);
    expect(error?.error.id).toBe(id);
  });

  it('answers 404 notFound for an unknown id', async () => {
    const { response, error } = await block('no-such-user', { blocked: true });
    expect(response.status).toBe(404);
    expect(error?.error.id).toBe('notFound');
  });

  it('answers 403 to a user without oz_users_update, and blocks nobody', async () => {
    const id = await t.createUser(rudolf);
    const { response } = await t.client(rudolf).PATCH('/users/{id}/access_block', { params: { path: { id } }, body: { blocked: true } });
    expect(response.status).toBe(403);
    expect((await t.store.get(id))?.blocked).toBe(false);
  });
});
