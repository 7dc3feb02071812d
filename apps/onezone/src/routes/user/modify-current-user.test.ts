import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createBrokenApp, expectInternalError } from '../../testing/internal-error.ts';
import { ADMIN, createTestApp, type TestApp } from '../../testing/test-app.ts';

const rudolf = { fullName: 'Rudolf Lingens', username: 'r.lingens', password: 'lS1c6FD2mxB2ff' };

describe('modify_current_user', () => {
  let t: TestApp;
  beforeEach(async () => {
    t = await createTestApp();
  });
  afterEach(() => t.close());

  it('answers 204 and changes username and full name in place', async () => {
    const id = await t.createUser(rudolf);
    const { response } = await t.client(rudolf).PATCH('/user', { body: { username: 'rudolf.lingens', fullName: 'Rudolf K. Lingens' } });
    expect(response.status).toBe(204);
    expect(await response.text()).toBe('');
    const renamed = { username: 'rudolf.lingens', password: rudolf.password };
    const { data } = await t.client(renamed).GET('/user');
    expect(data).toMatchObject({ userId: id, username: 'rudolf.lingens', fullName: 'Rudolf K. Lingens' });
    expect((await t.client(rudolf).GET('/user')).response.status).toBe(401);
  });

  it('leaves absent fields as they are', async () => {
    await t.createUser(rudolf);
    await t.client(rudolf).PATCH('/user', { body: { fullName: 'Rudolf K. Lingens' } });
    expect((await t.client(rudolf).GET('/user')).data).toMatchObject({ username: 'r.lingens', fullName: 'Rudolf K. Lingens' });
  });

  it("answers 400 badValueIdentifierOccupied for another user's username, and accepts the caller's own", async () => {
    await t.createUser(rudolf);
    const { response, error } = await t.client(rudolf).PATCH('/user', { body: { username: ADMIN.username } });
    expect(response.status).toBe(400);
    expect(error?.error).toMatchObject({ id: 'badValueIdentifierOccupied', details: { key: 'username' } });
    expect((await t.client(rudolf).PATCH('/user', { body: { username: rudolf.username } })).response.status).toBe(204);
  });

  it.each([
    ['a username breaking the rules', { username: '-bad-' }, 'badValueUsername'],
    ['a null username', { username: null }, 'badValueUsername'],
    ['a full name breaking the rules', { fullName: ' x' }, 'badValueFullName'],
    ['a non-string full name', { fullName: 42 }, 'badValueString'],
  ])('answers 400 for %s', async (_, body, id) => {
    await t.createUser(rudolf);
    const { response, error } = await t.client(rudolf).PATCH('/user', { body: body as never });
    expect(response.status).toBe(400);
    expect(error?.error.id).toBe(id);
  });

  it('answers 500 when the store fails', async () => {
    const broken = await createBrokenApp('update');
    const { response, error } = await broken.admin.PATCH('/user', { body: { fullName: 'Any Name' } });
    expectInternalError(broken, response, error);
    await broken.close();
  });
});
