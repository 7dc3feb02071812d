import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../testing/test-app.ts';

const rudolf = { fullName: 'Rudolf Lingens', username: 'r.lingens', password: 'lS1c6FD2mxB2ff' };
const NEW = 'n3w-Passw0rd-2026';

describe('change_user_basic_auth_settings', () => {
  let t: TestApp;
  beforeEach(async () => {
    t = await createTestApp();
  });
  afterEach(() => t.close());

  const patch = (id: string, body: Record<string, unknown>) => t.admin.PATCH('/users/{id}/basic_auth', { params: { path: { id } }, body: body as never });

  it('answers 204; disabled basic auth refuses the password (basicAuthDisabled) but not tokens', async () => {
    const id = await t.createUser(rudolf);
    const token = await t.createToken(rudolf);
    expect((await patch(id, { basicAuthEnabled: false })).response.status).toBe(204);
    expect((await t.admin.GET('/users/{id}', { params: { path: { id } } })).data?.basicAuthEnabled).toBe(false);
    const { response, error } = await t.client(rudolf).GET('/user');
    expect(response.status).toBe(401);
    expect(error?.error.details?.authError?.id).toBe('basicAuthDisabled');
    expect((await t.tokenClient(token).GET('/user')).response.status).toBe(200);
  });

  it('answers badBasicCredentials, not basicAuthDisabled, to a wrong password', async () => {
    const id = await t.createUser(rudolf);
    await patch(id, { basicAuthEnabled: false });
    const { error } = await t.client({ ...rudolf, password: 'wrong-password' }).GET('/user');
    expect(error?.error.details?.authError?.id).toBe('badBasicCredentials');
  });

  it('enables basic auth with a new password for a user created without one', async () => {
    const id = await t.createUser({ username: 'zoe.obrien' });
    expect((await patch(id, { basicAuthEnabled: true, newPassword: NEW })).response.status).toBe(204);
    const { data } = await t.client({ username: 'zoe.obrien', password: NEW }).GET('/user');
    expect(data).toMatchObject({ userId: id, basicAuthEnabled: true });
  });

  it('sets a new password in place, leaving basic auth as it is', async () => {
    const id = await t.createUser(rudolf);
    await patch(id, { newPassword: NEW });
    expect((await t.client(rudolf).GET('/user')).response.status).toBe(401);
    expect((await t.client({ ...rudolf, password: NEW }).GET('/user')).data?.userId).toBe(id);
  });

  it.each([
    ['a non-boolean basicAuthEnabled', { basicAuthEnabled: 'yes' }, 'badValueBoolean'],
    ['a new password under 8 characters', { newPassword: 'short' }, 'badValuePassword'],
    ['a non-string new password', { newPassword: 12345678 }, 'badValueString'],
  ])('answers 400 for %s', async (_, body, id) => {
    const userId = await t.createUser(rudolf);
    const { response, error } = await patch(userId, body);
    expect(response.status).toBe(400);
    expect(error?.error.id).toBe(id);
  });

  it('answers 404 notFound for an unknown id', async () => {
    const { response, error } = await patch('no-such-user', { basicAuthEnabled: false });
    expect(response.status).toBe(404);
    expect(error?.error.id).toBe('notFound');
  });

  it('answers 403 to a user without oz_users_manage_passwords, and changes nothing', async () => {
    const id = await t.createUser(rudolf);
    const { response } = await t.client(rudolf).PATCH('/users/{id}/basic_auth', { params: { path: { id } }, body: { basicAuthEnabled: false } });
    expect(response.status).toBe(403);
    expect((await t.store.get(id))?.basicAuthEnabled).toBe(true);
  });
});
