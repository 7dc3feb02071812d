import { describe, expect, it } from 'vitest';
import { apiFront, pathOf } from './api-front.ts';

const answer = (who: string) => () => new Response(who);
const front = apiFront('/v2', answer('api'), answer('rest'));
const call = async (url: string, headers: Record<string, string> = {}, method = 'GET') => {
  const response = await front(new Request(url, { method, headers }));
  return { body: await response.text(), status: response.status, allowOrigin: response.headers.get('access-control-allow-origin') };
};

describe('apiFront', () => {
  it('sends the API base path to the runtime app, everything else to the whole app', async () => {
    expect((await call('http://mock/v2/users/search')).body).toBe('api');
    expect((await call('http://mock/v2')).body).toBe('api');
    expect((await call('http://mock/health')).body).toBe('rest');
    expect((await call('http://mock/v2users')).body).toBe('rest');
  });

  it('adds CORS for a browser (a request with Origin) only', async () => {
    expect(await call('http://mock/v2/users', { origin: 'http://localhost:5173' })).toMatchObject({ body: 'api', allowOrigin: '*' });
    expect((await call('http://mock/v2/users')).allowOrigin).toBeNull();
  });

  it('answers a preflight itself', async () => {
    const preflight = await call('http://mock/v2/users', { origin: 'http://localhost:5173', 'access-control-request-method': 'POST' }, 'OPTIONS');
    expect(preflight).toMatchObject({ status: 204, allowOrigin: '*' });
  });
});

describe('pathOf', () => {
  it.each([
    ['http://127.0.0.1:4020/v2/users?x=1', '/v2/users'],
    ['http://host', '/'],
    ['http://host/', '/'],
  ])('is the path of %s', (url, path) => {
    expect(pathOf(url)).toBe(path);
  });
});
