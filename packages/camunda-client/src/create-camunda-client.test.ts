import { describe, expect, it } from 'vitest';
import { createCamundaClient } from './create-camunda-client.ts';

/** A fetch that records each request and answers with `response`. */
function fakeFetch(response: () => Response) {
  const requests: Request[] = [];
  return { requests, fetch: async (request: Request) => (requests.push(request), response()) };
}

const json = (status: number, body: unknown, type = 'application/json') =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': type } });

const body = { username: 'jdoe', password: 's3cr3t-Passw0rd' };

describe('createCamundaClient', () => {
  it('sends requests under the base URL', async () => {
    const fake = fakeFetch(() => json(202, { userKey: 1 }));
    const client = createCamundaClient({ baseUrl: 'http://localhost:4010/v2', fetch: fake.fetch });
    await client.POST('/users', { body });
    expect(fake.requests[0]?.url).toBe('http://localhost:4010/v2/users');
    expect(fake.requests[0]?.method).toBe('POST');
  });

  it('sends the credentials and scenario it is given', async () => {
    const fake = fakeFetch(() => json(409, { status: 409 }, 'application/problem+json'));
    const client = createCamundaClient({
      baseUrl: 'http://localhost:4010/v2',
      auth: { username: 'demo', password: 'demo' },
      scenario: 'code=409, example=duplicateUsername',
      fetch: fake.fetch,
    });
    await client.POST('/users', { body });
    expect(fake.requests[0]?.headers.get('Authorization')).toBe('Basic ZGVtbzpkZW1v');
    expect(fake.requests[0]?.headers.get('Prefer')).toBe('code=409, example=duplicateUsername');
  });

  it('returns a problem body as error', async () => {
    const problem = { type: 'about:blank', title: 'ALREADY_EXISTS', status: 409, detail: 'taken' };
    const fake = fakeFetch(() => json(409, problem, 'application/problem+json'));
    const client = createCamundaClient({ baseUrl: 'http://localhost:8080/v2', fetch: fake.fetch });
    const { data, error, response } = await client.POST('/users', { body });
    expect(data).toBeUndefined();
    expect(error).toEqual(problem);
    expect(response.status).toBe(409);
  });

  it('returns the userKey as data on 202', async () => {
    const fake = fakeFetch(() => json(202, { userKey: 2251799813685249 }));
    const client = createCamundaClient({ baseUrl: 'http://localhost:8080/v2', fetch: fake.fetch });
    const { data, error } = await client.POST('/users', { body });
    expect(error).toBeUndefined();
    expect(data).toEqual({ userKey: 2251799813685249 });
  });

  it('rejects an invalid scenario when created', () => {
    expect(() => createCamundaClient({ baseUrl: 'http://x/v2', scenario: 'not a name' })).toThrow(TypeError);
  });
});
