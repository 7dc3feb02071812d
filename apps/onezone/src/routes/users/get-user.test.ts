import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createBrokenApp, expectInternalError } from '../../testing/internal-error.ts';
import { createTestApp, type TestApp } from '../../testing/test-app.ts';

const rudolf = { fullName: 'Rudolf Lingens', username: 'r.lingens', password: 'lS1c6FD2mxB2ff' };

describe('get_user', () => {
  let t: TestApp;
  beforeEach(async () => {
    t = await createTestApp();
  });
  afterEach(() => t.close());

  it("answers 200 with the user's protected information", async () => {
    const before = Math.floor(Date.now() / 1000);
    const id = await t.createUser(rudolf);
    const { response, data } = await t.admin.GET('/users/{id}', { params: { path: { id } } });
    expect(response.status).toBe(200);
    expect(data).toEqual({
      userId: id,
      fullName: 'Rudolf Lingens',
      username: 'r.lingens',
      linkedAccounts: [],
      emails: [],
      basicAuthEnabled: true,
      blocked: false,
      creationTime: expect.any(Number),
    });
    expect(data?.creationTime).toBeGreaterThanOrEqual(before);
    expect(data?.creationTime).toBeLessThanOrEqual(Math.floor(Date.now() / 1000));
  });

  it('answers 404 notFound for an unknown id', async () => {
    const { response, error } = await t.admin.GET('/users/{id}', { params: { path: { id: 'no-such-user' } } });
    expect(response.status).toBe(404);
    expect(error).toEqual({ error: { id: 'notFound', description: 'The resource could not be found.' } });
  });

  it('answers 403 to a user without oz_users_view, even for their own id', async () => {
    const id = await t.createUser(rudolf);
    const { response, error } = await t.client(rudolf).GET('/users/{id}', { params: { path: { id } } });
    expect(response.status).toBe(403);
    expect(error?.error.id).toBe('forbidden');
  });

  it('answers 500 when the store fails', async () => {
    const broken = await createBrokenApp('get');
    const { response, error } = await broken.admin.GET('/users/{id}', { params: { path: { id: 'any' } } });
    expectInternalError(broken, response, error);
    await broken.close();
  });
});
