import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../testing/test-app.ts';

const rudolf = { fullName: 'Rudolf Lingens', username: 'r.lingens', password: 'lS1c6FD2mxB2ff' };
const NEW = 'n3w-Passw0rd-2026';

describe('change_user_password', () => {
  let t: TestApp;
  beforeEach(async () => {
    t = await createTestApp();
  });
  afterEach(() => t.close());

  it('answers 204 and changes the password in place: the old one stops working at once', async () => {
    const id = await t.createUser(rudolf);
    expect((await t.client(rudolf).GET('/user')).response.status).toBe(200);
    const { response } = await t.client(rudolf).PATCH('/user/password', { body: { oldPassword: rudolf.password, newPassword: NEW } });
    expect(response.status).toBe(204);
    expect((await t.client(rudolf).GET('/user')).response.status).toBe(401);
    expect((await t.client({ username: rudolf.username, password: NEW }).GET('/user')).data?.userId).toBe(id);
  });

  it('keeps the caller\'s tokens valid', async () => {
    await t.createUser(rudolf);
    const token = await t.createToken(rudolf);
    await t.client(rudolf).PATCH('/user/password', { body: { oldPassword: rudolf.password, newPassword: NEW } });
    expect((await t.tokenClient(token).GET('/user')).response.status).toBe(200);
  });

  it('accepts oldPassword null from a user without a password', async () => {
    const id = await t.createUser(rudolf);
    const token = await t.createToken(rudolf);
    await t.store.update(id, { passwordHash: null });
    const { response } = await t.tokenClient(token).PATCH('/user/password', { body: { oldPassword: null, newPassword: NEW } });
    expect(response.status).toBe(204);
    expect((await t.client({ username: rudolf.username, password: NEW }).GET('/user')).response.status).toBe(200);
  });

  it.each([
    ['a wrong oldPassword', 'wrong-password'],
    ['oldPassword null from a user who has a password', null],
  ])('answers 401 unauthorized (badBasicCredentials) for %s, and changes nothing', async (_, oldPassword) => {
    await t.createUser(rudolf);
    const { response, error } = await t.client(rudolf).PATCH('/user/password', { body: { oldPassword, newPassword: NEW } });
    expect(response.status).toBe(401);
    expect(response.headers.get('www-authenticate')).toMatch(/^Basic realm="onezone"/);
    expect(error?.error).toMatchObject({ id: 'unauthorized', details: { authError: { id: 'badBasicCredentials' } } });
    expect((await t.client(rudolf).GET('/user')).response.status).toBe(200);
  });

  it.each([
    ['a new password under 8 characters', { oldPassword: rudolf.password, newPassword: 'short' }, 'badValuePassword'],
    ['a null new password', { oldPassword: rudolf.password, newPassword: null }, 'badValuePassword'],
    ['no new password', { oldPassword: rudolf.password }, 'missingRequiredValue'],
    ['a non-string old password', { oldPassword: 1, newPassword: NEW }, 'badValueString'],
  ])('answers 400 for %s', async (_, body, id) => {
    await t.createUser(rudolf);
    const { response, error } = await t.client(rudolf).PATCH('/user/password', { body: body as never });
    expect(response.status).toBe(400);
    expect(error?.error.id).toBe(id);
  });
});
