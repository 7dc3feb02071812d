import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ADMIN, createTestApp, type TestApp } from '../../testing/test-app.ts';

const rudolf = { fullName: 'Rudolf Lingens', username: 'r.lingens', password: 'lS1c6FD2mxB2ff' };

describe('remove_client_token', () => {
  let t: TestApp;
  beforeEach(async () => {
    t = await createTestApp();
  });
  afterEach(() => t.close());

  it('answers 204; the removed token gives 401 badToken at once, the others still work', async () => {
    await t.createUser(rudolf);
    const removed = await t.createToken(rudolf);
    const kept = await t.createToken(rudolf);
    expect((await t.tokenClient(removed).GET('/user')).response.status).toBe(200);
    const { response } = await t.client(rudolf).DELETE('/user/client_tokens/{tid}', { params: { path: { tid: removed } } });
    expect(response.status).toBe(204);
    const { error } = await t.tokenClient(removed).GET('/user');
    expect(error?.error.details?.authError?.id).toBe('badToken');
    expect((await t.tokenClient(kept).GET('/user')).response.status).toBe(200);
    expect((await t.client(rudolf).GET('/user/client_tokens')).data).toEqual({ tokens: [kept] });
  });

  it('lets a token remove itself', async () => {
    await t.createUser(rudolf);
    const token = await t.createToken(rudolf);
    expect((await t.tokenClient(token).DELETE('/user/client_tokens/{tid}', { params: { path: { tid: token } } })).response.status).toBe(204);
    expect((await t.tokenClient(token).GET('/user')).response.status).toBe(401);
  });

  it("answers 404 notFound for another user's token, and leaves it working", async () => {
    await t.createUser(rudolf);
    const adminToken = await t.createToken(ADMIN);
    const { response, error } = await t.client(rudolf).DELETE('/user/client_tokens/{tid}', { params: { path: { tid: adminToken } } });
    expect(response.status).toBe(404);
    expect(error?.error.id).toBe('notFound');
    expect((await t.tokenClient(adminToken).GET('/user')).response.status).toBe(200);
  });

  it('answers 404 notFound for an unknown token', async () => {
    const { response } = await t.admin.DELETE('/user/client_tokens/{tid}', { params: { path: { tid: 'oz1.unknown' } } });
    expect(response.status).toBe(404);
  });
});

describe('remove_client_token in the log', () => {
  it('never writes the token of its path to the log', async () => {
    const t = await createTestApp();
    const token = await t.createToken(ADMIN);
    await t.admin.DELETE('/user/client_tokens/{tid}', { params: { path: { tid: token } } });
    const log = JSON.stringify(t.log.lines);
    expect(log).toContain('/user/client_tokens/[token]');
    expect(log).not.toContain(token.slice(4));
    await t.close();
  });
});
