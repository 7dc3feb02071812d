import { describe, expect, it } from 'vitest';
import { authJson, fixtureApp, problemOf } from '../../test/fixture-app.ts';

const tenant = { ...authJson, 'x-tenant-id': 't1' };

describe('parameters', () => {
  const { api } = fixtureApp();
  const seen: unknown[] = [];
  api.handle('get', '/users/{userKey}', (req) => {
    seen.push(req.params);
    return { status: 200, body: { key: req.params.userKey, username: 'u' } };
  });
  api.handle('get', '/users', (req) => {
    seen.push({ query: req.query, headers: req.headers });
    return { status: 200, contentType: 'application/json', body: { items: [] } };
  });

  it('coerces an integer path parameter to a number', async () => {
    const res = await api.app.request('/api/v1/users/2251799813685249', { headers: authJson });
    expect(res.status).toBe(200);
    expect(seen.at(-1)).toEqual({ userKey: 2251799813685249 });
  });

  it('refuses a path parameter that is not an integer, naming it', async () => {
    const res = await api.app.request('/api/v1/users/abc', { headers: authJson });
    expect(res.status).toBe(400);
    expect(await problemOf(res)).toMatchObject({ detail: "The provided path parameter 'userKey' is not valid: it must be integer." });
  });

  it.each(['9007199254740992', '9007199254740993', '9223372036854775808', '-9007199254740993', '1e30'])(
    'refuses an integer path parameter %s beyond the safe integers, instead of rounding it',
    async (key) => {
      const res = await api.app.request(`/api/v1/users/${key}`, { headers: authJson });
      expect(res.status).toBe(400);
      expect(await problemOf(res)).toMatchObject({ detail: "The provided path parameter 'userKey' is not valid: it must be integer." });
    },
  );

  it('accepts the largest safe integer', async () => {
    const res = await api.app.request('/api/v1/users/9007199254740991', { headers: authJson });
    expect(res.status).toBe(200);
    expect(seen.at(-1)).toEqual({ userKey: 9007199254740991 });
  });

  it('checks path parameter constraints after coercion', async () => {
    const res = await api.app.request('/api/v1/users/0', { headers: authJson });
    expect(res.status).toBe(400);
    expect((await problemOf(res)).detail).toContain("'userKey'");
  });

  it('coerces query integers, booleans and repeated keys into arrays', async () => {
    const res = await api.app.request('/api/v1/users?limit=5&active=false&tag=a&tag=b&unknown=1', { headers: tenant });
    expect(res.status).toBe(200);
    expect(seen.at(-1)).toEqual({ query: { limit: 5, active: false, tag: ['a', 'b'] }, headers: { 'X-Tenant-Id': 't1' } });
  });

  it('gives a single repeated-style value as a one-element array', async () => {
    await api.app.request('/api/v1/users?tag=only', { headers: tenant });
    expect(seen.at(-1)).toMatchObject({ query: { tag: ['only'] } });
  });

  it('gives an empty query object when no query is sent', async () => {
    await api.app.request('/api/v1/users', { headers: tenant });
    expect(seen.at(-1)).toMatchObject({ query: {} });
  });

  it('names every bad query parameter', async () => {
    const res = await api.app.request('/api/v1/users?limit=0&active=maybe', { headers: tenant });
    expect(res.status).toBe(400);
    const { detail } = await problemOf(res);
    expect(detail).toContain("query parameter 'limit'");
    expect(detail).toContain("query parameter 'active'");
  });

  it('refuses a missing required header', async () => {
    const res = await api.app.request('/api/v1/users', { headers: authJson });
    expect(res.status).toBe(400);
    expect(await problemOf(res)).toMatchObject({ detail: 'No X-Tenant-Id provided.' });
  });

  it('reads header parameters case-insensitively', async () => {
    const res = await api.app.request('/api/v1/users', { headers: { ...authJson, 'X-TENANT-ID': 'T' } });
    expect(res.status).toBe(200);
  });
});
