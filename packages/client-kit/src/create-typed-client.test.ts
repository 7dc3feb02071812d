import { describe, expect, it } from 'vitest';
import { createTypedClient } from './create-typed-client.ts';

/** A minimal `paths`, in the shape openapi-typescript generates. */
interface paths {
  '/things': {
    get: {
      responses: { 200: { headers: Record<string, unknown>; content: { 'application/json': { ok: boolean } } } };
    };
  };
}

/** A fetch that records each request and answers 200 `{ ok: true }`. */
function recordingFetch() {
  const requests: Request[] = [];
  return { requests, fetch: async (request: Request) => (requests.push(request), Response.json({ ok: true })) };
}

describe('createTypedClient', () => {
  it('sends requests under the base URL', async () => {
    const fake = recordingFetch();
    const client = createTypedClient<paths>({ baseUrl: 'http://localhost:4010/v2', fetch: fake.fetch });
    const { data } = await client.GET('/things');
    expect(fake.requests[0]?.url).toBe('http://localhost:4010/v2/things');
    expect(data).toEqual({ ok: true });
  });

  it('sends basic credentials when auth is given', async () => {
    const fake = recordingFetch();
    const auth = { username: 'demo', password: 'demo' };
    const client = createTypedClient<paths>({ baseUrl: 'http://x', auth, fetch: fake.fetch });
    await client.GET('/things');
    expect(fake.requests[0]?.headers.get('Authorization')).toBe('Basic ZGVtbzpkZW1v');
  });

  it('sends a bearer token when token is given', async () => {
    const fake = recordingFetch();
    const client = createTypedClient<paths>({ baseUrl: 'http://x', token: 'oz1.abc', fetch: fake.fetch });
    await client.GET('/things');
    expect(fake.requests[0]?.headers.get('Authorization')).toBe('Bearer oz1.abc');
  });

  it('refuses auth and token together', () => {
    expect(() => createTypedClient<paths>({ baseUrl: 'http://x', token: 't', auth: { username: 'a', password: 'b' } })).toThrow(TypeError);
  });

  it('sends neither Authorization nor Prefer without auth and scenario', async () => {
    const fake = recordingFetch();
    const client = createTypedClient<paths>({ baseUrl: 'http://x', fetch: fake.fetch });
    await client.GET('/things');
    expect(fake.requests[0]?.headers.has('Authorization')).toBe(false);
    expect(fake.requests[0]?.headers.has('Prefer')).toBe(false);
  });

  it('sends the Prefer header of the scenario', async () => {
    const fake = recordingFetch();
    const client = createTypedClient<paths>({ baseUrl: 'http://x', scenario: '409', fetch: fake.fetch });
    await client.GET('/things');
    expect(fake.requests[0]?.headers.get('Prefer')).toBe('code=409');
  });

  it('keeps Authorization and Prefer headers set on the call', async () => {
    const fake = recordingFetch();
    const auth = { username: 'demo', password: 'demo' };
    const client = createTypedClient<paths>({ baseUrl: 'http://x', auth, scenario: '409', fetch: fake.fetch });
    await client.GET('/things', { headers: { Authorization: 'Basic b3RoZXI6b3RoZXI=', Prefer: 'code=200' } });
    expect(fake.requests[0]?.headers.get('Authorization')).toBe('Basic b3RoZXI6b3RoZXI=');
    expect(fake.requests[0]?.headers.get('Prefer')).toBe('code=200');
  });

  it('sends the default headers', async () => {
    const fake = recordingFetch();
    const client = createTypedClient<paths>({ baseUrl: 'http://x', headers: { 'X-Request-Id': 'abc' }, fetch: fake.fetch });
    await client.GET('/things');
    expect(fake.requests[0]?.headers.get('X-Request-Id')).toBe('abc');
  });

  it('rejects an invalid scenario when created', () => {
    expect(() => createTypedClient<paths>({ baseUrl: 'http://x', scenario: 'not a name' })).toThrow(TypeError);
  });
});
