import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { StatefulMock } from './stateful-mock.ts';
import { basicAuth, send, testMock } from './test-mocks.ts';

let mock: StatefulMock;
beforeAll(async () => {
  mock = await testMock('onezone');
});
beforeEach(() => mock.reset());
afterAll(() => mock?.close());

const BASE = '/api/v3/onezone';
const idOf = (location: string | null) => location?.split('/').pop() ?? '';
const rudolf = () => mock.seeded().find((user) => user.username === 'r.lingens')!;

describe('Onezone stateful mock', () => {
  it("is seeded with the examples' users, mapped to the ids the store gave them", async () => {
    const listed = (await send(mock, 'GET', `${BASE}/users`)).body.users;
    expect(listed).toEqual(expect.arrayContaining(mock.seeded().map((user) => user.id)));
    const shown = await send(mock, 'GET', `${BASE}/users/${rudolf().id}`);
    expect(shown.body).toMatchObject({ userId: rudolf().id, username: 'r.lingens', fullName: 'Rudolf Lingens', basicAuthEnabled: true });
    expect(rudolf().exampleId).toBe('9f2c4b7e1a3d5c8e0b6a4f2d1c3e5a7b');
  });

  it('lets Rudolf Lingens log in with the password of the create example', async () => {
    const me = await send(mock, 'GET', `${BASE}/user`, { auth: basicAuth('r.lingens', 'lS1c6FD2mxB2ff') });
    expect(me.body).toMatchObject({ username: 'r.lingens', userId: rudolf().id });
  });

  it('serves a created user at its Location and lists it', async () => {
    const created = await send(mock, 'POST', `${BASE}/users`, { body: { username: 'jane', password: 'jane-Passw0rd', fullName: 'Jane Doe' } });
    expect(created.status).toBe(201);
    const id = idOf(created.headers.get('location'));
    expect((await send(mock, 'GET', `${BASE}/users/${id}`)).body).toMatchObject({ userId: id, username: 'jane' });
    expect((await send(mock, 'GET', `${BASE}/users`)).body.users).toContain(id);
  });

  it('refuses a taken username as the server does', async () => {
    const again = await send(mock, 'POST', `${BASE}/users`, { body: { username: 'r.lingens', password: 'another-Passw0rd' } });
    expect(again).toMatchObject({ status: 400, body: { error: { id: 'badValueIdentifierOccupied' } } });
  });

  it('forgets a removed user until reset', async () => {
    const { id } = rudolf();
    expect((await send(mock, 'DELETE', `${BASE}/users/${id}`)).status).toBe(204);
    expect((await send(mock, 'GET', `${BASE}/users/${id}`)).status).toBe(404);
    await mock.reset();
    expect((await send(mock, 'GET', `${BASE}/users/${rudolf().id}`)).status).toBe(200);
  });

  it('serves the example a Prefer header asks for', async () => {
    const response = await send(mock, 'GET', `${BASE}/users/anything`, { prefer: 'code=200, example=withoutUsername' });
    expect(response).toMatchObject({ status: 200, body: { userId: '4e8a1c6f2b9d3e7a5c0f8b2d6a4e1c9f', username: null } });
    const created = await send(mock, 'POST', `${BASE}/users`, { body: {}, prefer: 'code=201' });
    expect(created.headers.get('location')).toMatch(/\/api\/v3\/onezone\/users\/9f2c4b7e1a3d5c8e0b6a4f2d1c3e5a7b$/);
  });

  it('answers without credentials in its own format', async () => {
    const response = await send(mock, 'GET', `${BASE}/users`, { auth: null });
    expect(response).toMatchObject({ status: 401, body: { error: { id: 'unauthorized' } } });
    expect(response.headers.get('www-authenticate')).toMatch(/^Basic realm="onezone"/);
  });
});
