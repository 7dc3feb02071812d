import { describe, expect, it } from 'vitest';
import { createOnezoneClient } from './create-onezone-client.ts';
import { createdUserId } from './user-id.ts';

/** A fetch that records each request and answers with `response`. */
function fakeFetch(response: () => Response) {
  const requests: Request[] = [];
  return { requests, fetch: async (request: Request) => (requests.push(request), response()) };
}

const BASE = 'http://localhost:8081/api/v3/onezone';
const LOCATION = `${BASE}/users/9f2c4b7e1a3d5c8e0b6a4f2d1c3e5a7b`;
const created = () => new Response(null, { status: 201, headers: { Location: LOCATION } });
const body = { fullName: 'Rudolf Lingens', username: 'r.lingens', password: 'lS1c6FD2mxB2ff' };

describe('createOnezoneClient', () => {
  it('sends requests under the base URL', async () => {
    const fake = fakeFetch(created);
    const client = createOnezoneClient({ baseUrl: BASE, fetch: fake.fetch });
    await client.POST('/users', { body });
    expect(fake.requests[0]?.url).toBe(`${BASE}/users`);
  });

  it('sends the credentials and scenario it is given', async () => {
    const fake = fakeFetch(created);
    const auth = { username: 'admin', password: 'password' };
    const client = createOnezoneClient({ baseUrl: BASE, auth, scenario: '201', fetch: fake.fetch });
    await client.GET('/users');
    expect(fake.requests[0]?.headers.get('Authorization')).toBe('Basic YWRtaW46cGFzc3dvcmQ=');
    expect(fake.requests[0]?.headers.get('Prefer')).toBe('code=201');
  });

  it('sends a client token as Bearer', async () => {
    const fake = fakeFetch(() => Response.json({ tokens: [] }));
    const client = createOnezoneClient({ baseUrl: BASE, token: 'oz1.Xq3v9kZt2mWcR8bN5yHfLp0sDgJ7aUeQ4iOxVnT6rYk', fetch: fake.fetch });
    const { data } = await client.GET('/user/client_tokens');
    expect(fake.requests[0]?.headers.get('Authorization')).toBe('Bearer oz1.Xq3v9kZt2mWcR8bN5yHfLp0sDgJ7aUeQ4iOxVnT6rYk');
    expect(data).toEqual({ tokens: [] });
  });

  it('gives the created user id from the result', async () => {
    const fake = fakeFetch(created);
    const client = createOnezoneClient({ baseUrl: BASE, fetch: fake.fetch });
    const result = await client.POST('/users', { body });
    expect(result.error).toBeUndefined();
    expect(createdUserId(result)).toBe('9f2c4b7e1a3d5c8e0b6a4f2d1c3e5a7b');
  });

  it('returns an Onezone error body as error', async () => {
    const error = { error: { id: 'badValuePassword', description: 'Bad value: Password must be at least 8 characters long.' } };
    const fake = fakeFetch(() => Response.json(error, { status: 400 }));
    const client = createOnezoneClient({ baseUrl: BASE, fetch: fake.fetch });
    const result = await client.POST('/users', { body: { username: 'r.lingens', password: 'short' } });
    expect(result.data).toBeUndefined();
    expect(result.error).toEqual(error);
    expect(result.response.status).toBe(400);
  });

  it('passes the user id path parameter', async () => {
    const fake = fakeFetch(() => new Response(null, { status: 204 }));
    const client = createOnezoneClient({ baseUrl: BASE, fetch: fake.fetch });
    await client.DELETE('/users/{id}', { params: { path: { id: 'a b' } } });
    expect(fake.requests[0]?.url).toBe(`${BASE}/users/a%20b`);
  });
});
