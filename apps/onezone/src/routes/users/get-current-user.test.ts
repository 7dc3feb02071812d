import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createBrokenApp, expectInternalError } from '../../testing/internal-error.ts';
import { ADMIN, createTestApp, type TestApp } from '../../testing/test-app.ts';

const rudolf = { fullName: 'Rudolf Lingens', username: 'r.lingens', password: 'lS1c6FD2mxB2ff' };

describe('get_current_user', () => {
  let t: TestApp;
  beforeEach(async () => {
    t = await createTestApp();
  });
  afterEach(() => t.close());

  it("answers 200 with a plain user's own information: no privilege needed", async () => {
    const id = await t.createUser(rudolf);
    const { response, data } = await t.client(rudolf).GET('/user');
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
  });

  it("answers 200 with the admin's own information", async () => {
    const { data } = await t.admin.GET('/user');
    expect(data).toMatchObject({ username: ADMIN.username, basicAuthEnabled: true });
  });

  it('answers 500 when the store fails while authenticating', async () => {
    const broken = await createBrokenApp('findByUsername');
    const { response, error } = await broken.admin.GET('/user');
    expectInternalError(broken, response, error);
    await broken.close();
  });
});
