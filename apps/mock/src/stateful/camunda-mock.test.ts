import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { StatefulMock } from './stateful-mock.ts';
import { basicAuth, send, testMock } from './test-mocks.ts';

let mock: StatefulMock;
beforeAll(async () => {
  mock = await testMock('camunda');
});
beforeEach(() => mock.reset());
afterAll(() => mock?.close());

const search = (filter: Record<string, unknown> = {}) => send(mock, 'POST', '/v2/users/search', { body: { filter } });
const create = (username: string) => send(mock, 'POST', '/v2/users', { body: { username, password: `${username}-Passw0rd` } });

describe('Camunda stateful mock', () => {
  it("is seeded with the search example's users under the example's keys", async () => {
    const { body } = await search({ username: 'jdoe' });
    expect(body.items).toEqual([{ key: 2251799813685249, username: 'jdoe', name: 'Jane Doe', email: 'jane.doe@example.com' }]);
    expect((await search({ username: 'rroe' })).body.items).toEqual([{ key: 2251799813685251, username: 'rroe' }]);
  });

  it('finds a created user in search', async () => {
    const created = await create('jane');
    expect(created.status).toBe(202);
    expect((await search({ username: 'jane' })).body.items).toEqual([{ key: created.body.userKey, username: 'jane' }]);
  });

  it('refuses a taken username as the server does, seeded users included', async () => {
    expect((await create('jdoe')).body).toMatchObject({ status: 409, title: 'ALREADY_EXISTS' });
  });

  it('forgets a deleted user, and a second delete is 404', async () => {
    const key = 2251799813685249;
    expect((await send(mock, 'DELETE', `/v2/users/${key}`)).status).toBe(204);
    expect((await search({ username: 'jdoe' })).body.items).toEqual([]);
    expect((await send(mock, 'DELETE', `/v2/users/${key}`)).body).toMatchObject({ status: 404, title: 'NOT_FOUND' });
  });

  it('restores the seed on POST /__mock/reset', async () => {
    await create('jane');
    await send(mock, 'DELETE', '/v2/users/2251799813685249');
    const reset = await mock.fetch(new Request('http://mock.test/__mock/reset', { method: 'POST' }));
    expect(reset.status).toBe(204);
    expect((await search({ username: 'jane' })).body.items).toEqual([]);
    expect((await search({ username: 'jdoe' })).body.page.totalItems).toBe(1);
  });

  it('lets the seeded users log in with the password of the create example', async () => {
    const asJdoe = await send(mock, 'POST', '/v2/users/search', { body: {}, auth: basicAuth('jdoe', 's3cr3t-Passw0rd') });
    expect(asJdoe.body).toMatchObject({ status: 403, title: 'FORBIDDEN' });
  });

  it('validates as the server does (it is the server)', async () => {
    const response = await send(mock, 'POST', '/v2/users', { body: { username: 'nopass' } });
    expect(response.status).toBe(400);
    expect(response.body.detail).toContain('password');
    expect((await send(mock, 'POST', '/v2/users', { body: { username: 'x', password: 'y' }, auth: null })).status).toBe(401);
  });

  it('serves the named example a Prefer header asks for, without touching the state', async () => {
    const response = await send(mock, 'POST', '/v2/users', { body: { username: 'pref', password: 'pref-Passw0rd' }, prefer: 'code=409, example=duplicateUsername' });
    expect(response.status).toBe(409);
    expect(response.body.detail).toContain("username 'jdoe'");
    expect((await search({ username: 'pref' })).body.items).toEqual([]);
  });

  it("serves a status's first example for Prefer: code=<status>", async () => {
    const response = await send(mock, 'POST', '/v2/users/search', { body: {}, prefer: 'code=500' });
    expect(response).toMatchObject({ status: 500, body: { title: 'INTERNAL' } });
  });

  it('still validates a request that carries Prefer, and accepts any credentials like Prism', async () => {
    expect((await send(mock, 'POST', '/v2/users', { body: { username: 1 }, prefer: 'code=202' })).status).toBe(400);
    const anyone = await send(mock, 'POST', '/v2/users/search', { body: {}, prefer: 'example=noMatch', auth: basicAuth('who', 'ever') });
    expect(anyone).toMatchObject({ status: 200, body: { items: [] } });
  });

  it('names the documented scenarios when asked for another', async () => {
    const response = await send(mock, 'POST', '/v2/users/search', { body: {}, prefer: 'code=418' });
    expect(response.status).toBe(400);
    expect(response.body.detail).toContain('code=200, example=found');
  });

  it('reports the seed at GET /__mock/seed', async () => {
    const response = await mock.fetch(new Request('http://mock.test/__mock/seed'));
    expect(await response.json()).toMatchObject({ api: 'camunda', users: [{ username: 'jdoe', id: '2251799813685249', exampleId: '2251799813685249' }, { username: 'rroe' }] });
  });

  it('lets a page on any origin call it, Prefer included, as Prism does', async () => {
    const response = await mock.fetch(
      new Request('http://mock.test/v2/users/search', {
        method: 'OPTIONS',
        headers: { origin: 'http://localhost:5173', 'access-control-request-method': 'POST', 'access-control-request-headers': 'authorization, content-type, prefer' },
      }),
    );
    expect(response.status).toBe(204);
    expect(response.headers.get('access-control-allow-origin')).toBe('*');
    expect(response.headers.get('access-control-allow-headers')?.toLowerCase()).toContain('prefer');
  });

  it('lets a page read a scenario too', async () => {
    const response = await mock.fetch(
      new Request('http://mock.test/v2/users/search', {
        method: 'POST',
        headers: { origin: 'http://localhost:5173', authorization: 'Basic YTpi', 'content-type': 'application/json', prefer: 'code=200, example=noMatch' },
        body: '{}',
      }),
    );
    expect(response.status).toBe(200);
    expect(response.headers.get('access-control-allow-origin')).toBe('*');
  });
});
