import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createBrokenApp, expectInternalError } from '../../testing/internal-error.ts';
import { createTestApp, type TestApp } from '../../testing/test-app.ts';

const rudolf = { fullName: 'Rudolf Lingens', username: 'r.lingens', password: 'lS1c6FD2mxB2ff' };

describe('remove_current_user', () => {
  let t: TestApp;
  beforeEach(async () => {
    t = await createTestApp();
  });
  afterEach(() => t.close());

  it('answers 204 and removes the caller with their tokens: neither credential works afterwards', async () => {
    const id = await t.createUser(rudolf);
    const token = await t.createToken(rudolf);
    const { response } = await t.client(rudolf).DELETE('/user');
    expect(response.status).toBe(204);
    expect(await response.text()).toBe('');
    expect((await t.admin.GET('/users/{id}', { params: { path: { id } } })).response.status).toBe(404);
    expect((await t.client(rudolf).GET('/user')).response.status).toBe(401);
    expect((await t.tokenClient(token).GET('/user')).response.status).toBe(401);
  });

  it('answers 500 when the store fails', async () => {
    const broken = await createBrokenApp('remove');
    const { response, error } = await broken.admin.DELETE('/user');
    expectInternalError(broken, response, error);
    await broken.close();
  });
});
