import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createBrokenApp, expectInternalError } from '../../testing/internal-error.ts';
import { ADMIN, BASE_URL, createTestApp, type TestApp } from '../../testing/test-app.ts';

const rudolf = { fullName: 'Rudolf Lingens', username: 'r.lingens', password: 'lS1c6FD2mxB2ff' };

describe('create_client_token', () => {
  let t: TestApp;
  beforeEach(async () => {
    t = await createTestApp();
  });
  afterEach(() => t.close());

  it('answers 200 with a token that signs in as the caller, in X-Auth-Token and as Bearer', async () => {
    const id = await t.createUser(rudolf);
    const { response, data } = await t.client(rudolf).POST('/user/client_tokens', { body: {} });
    expect(response.status).toBe(200);
    const token = data?.token ?? '';
    expect(token).toMatch(/^oz1\.[A-Za-z0-9_-]{43}$/);
    expect((await t.tokenClient(token).GET('/user')).data?.userId).toBe(id);
    expect((await t.tokenClient(token, 'Bearer').GET('/user')).data?.userId).toBe(id);
  });

  it('accepts a request without a body', async () => {
    const response = await t.app.request(`${BASE_URL}/user/client_tokens`, {
      method: 'POST',
      headers: { Authorization: `Basic ${Buffer.from(`${ADMIN.username}:${ADMIN.password}`).toString('base64')}` },
    });
    expect(response.status).toBe(200);
  });

  it("gives an admin's token the admin's privileges", async () => {
    const token = await t.createToken(ADMIN);
    expect((await t.tokenClient(token).GET('/users')).response.status).toBe(200);
  });

  it('answers 401 badToken to an unknown token', async () => {
    const { response, error } = await t.tokenClient('oz1.not-a-token').GET('/user');
    expect(response.status).toBe(401);
    expect(error?.error).toMatchObject({ id: 'unauthorized', details: { authError: { id: 'badToken' } } });
    const bearer = await t.tokenClient('oz1.not-a-token', 'Bearer').GET('/user');
    expect(bearer.response.headers.get('www-authenticate')).toContain('error="invalid_token"');
  });

  it('answers 500 when the store fails', async () => {
    const broken = await createBrokenApp('addClientToken');
    const { response, error } = await broken.admin.POST('/user/client_tokens', { body: {} });
    expectInternalError(broken, response, error);
    await broken.close();
  });
});
