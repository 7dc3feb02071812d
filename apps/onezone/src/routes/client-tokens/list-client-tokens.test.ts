import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createBrokenApp, expectInternalError } from '../../testing/internal-error.ts';
import { ADMIN, createTestApp, type TestApp } from '../../testing/test-app.ts';

const rudolf = { fullName: 'Rudolf Lingens', username: 'r.lingens', password: 'lS1c6FD2mxB2ff' };

describe('list_client_tokens', () => {
  let t: TestApp;
  beforeEach(async () => {
    t = await createTestApp();
  });
  afterEach(() => t.close());

  it("answers 200 with the caller's own tokens themselves, oldest first", async () => {
    await t.createUser(rudolf);
    const first = await t.createToken(rudolf);
    const second = await t.createToken(rudolf);
    await t.createToken(ADMIN);
    const { response, data } = await t.client(rudolf).GET('/user/client_tokens');
    expect(response.status).toBe(200);
    expect(data).toEqual({ tokens: [first, second] });
  });

  it('answers 200 with an empty list to a caller without tokens', async () => {
    expect((await t.admin.GET('/user/client_tokens')).data).toEqual({ tokens: [] });
  });

  it('keeps no token in the database: only a hash and a copy sealed under a key outside it', async () => {
    const id = await t.createUser(rudolf);
    const token = await t.createToken(rudolf);
    const stored = await t.store.listClientTokens(id);
    expect(stored).toHaveLength(1);
    expect(JSON.stringify(stored)).not.toContain(token.slice(4));
  });

  it('answers 500 when the store fails', async () => {
    const broken = await createBrokenApp('listClientTokens');
    const { response, error } = await broken.admin.GET('/user/client_tokens');
    expectInternalError(broken, response, error);
    await broken.close();
  });
});
