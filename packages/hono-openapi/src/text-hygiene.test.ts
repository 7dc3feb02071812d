import { describe, expect, it } from 'vitest';
import { authJson, basicAuth, fixtureApp, problemOf } from '../test/fixture-app.ts';
import { jsonTextIssues, pathEncodingIssues, queryEncodingIssues, textProblem } from './text-hygiene.ts';

describe('textProblem', () => {
  it.each([
    ['plain text', 'alice', undefined],
    ['a surrogate pair (an emoji)', 'smile \u{1F600}', undefined],
    ['U+0000', 'ali\u0000ce', 'nul'],
    ['a lone high surrogate', 'a\uD800', 'unpairedSurrogate'],
    ['a lone low surrogate', '\uDC00b', 'unpairedSurrogate'],
    ['reversed surrogates', '\uDE00\uD83D', 'unpairedSurrogate'],
  ])('finds %s: %j', (_name, text, expected) => {
    expect(textProblem(text)).toBe(expected);
  });
});

describe('jsonTextIssues', () => {
  const issuesOf = (json: string) => jsonTextIssues(json, JSON.parse(json));

  it('names values and the objects holding bad property names, never the text itself', () => {
    const issues = issuesOf('{"a":{"b":["x","\\u0000"]},"c\\ud800":1,"d":"\\udfff"}');
    expect(issues.map(({ pointer, keyword, params }) => [pointer, keyword, params['problem']])).toEqual([
      ['/a/b/1', 'textHygiene', 'nul'],
      ['', 'propertyNameHygiene', 'unpairedSurrogate'],
      ['/d', 'textHygiene', 'unpairedSurrogate'],
    ]);
    expect(issues[0]).toMatchObject({ field: 'a.b.1', received: 'string', message: 'must not contain U+0000 (NUL)' });
  });

  it('is not fooled by an escaped backslash before u0000', () => {
    expect(issuesOf('{"a":"\\\\u0000"}')).toEqual([]);
  });

  it('walks a 5,000-deep array without overflowing the stack', () => {
    const deep = `${'['.repeat(5000)}"\\u0000"${']'.repeat(5000)}`;
    const [issue] = issuesOf(deep);
    expect(issue?.pointer === '/0'.repeat(5000)).toBe(true);
  });

  it('reports at most ten issues', () => {
    expect(issuesOf(JSON.stringify(Array.from({ length: 50 }, () => '\u0000')))).toHaveLength(10);
  });
});

describe('percent-encoding', () => {
  it.each(['%E0%A4%A', '%ZZ', '%', '%ED%A0%80', 'a%C3'])('finds the path parameter of a segment that does not decode: %s', (segment) => {
    expect(pathEncodingIssues(`/v2/users/${segment}`, '/users/{userKey}')).toMatchObject([
      { pointer: '/userKey', keyword: 'textHygiene', params: { problem: 'percentEncoding' } },
    ]);
  });

  it('accepts well-formed escapes, NUL included (that one is for the value check)', () => {
    expect(pathEncodingIssues('/v2/users/%C3%A9%25%00', '/users/{userKey}')).toEqual([]);
  });

  it('looks only at declared query parameters', () => {
    const declared = (name: string) => name === 'tag';
    expect(queryEncodingIssues('tag=%ZZ&other=%ZZ&ok=%41&%ZZ=1', declared).map((i) => i.pointer)).toEqual(['/tag']);
    expect(queryEncodingIssues('t%61g=a+b%E0', declared).map((i) => i.pointer)).toEqual(['/tag']);
  });
});

describe('text hygiene on requests (400 in the API format, before any handler)', () => {
  function setup() {
    const { api } = fixtureApp();
    const calls: unknown[] = [];
    api.handle('post', '/users', (req) => {
      calls.push(req.body);
      return { status: 202, body: { userKey: 1 } };
    });
    api.handle('get', '/users', (req) => {
      calls.push(req.query);
      return { status: 200, contentType: 'application/json', body: { items: [] } };
    });
    api.handle('delete', '/users/{userKey}', (req) => {
      calls.push(req.params);
      return { status: 204 };
    });
    return { api, calls };
  }
  const tenant = { authorization: basicAuth(), 'x-tenant-id': 't1' };

  it.each([
    ['NUL in a value', '{"username":"ali\\u0000ce","password":"password-1"}', 'username'],
    ['a lone surrogate in a value', '{"username":"alice","password":"pass\\ud800word"}', 'password'],
    ['NUL in a property name', '{"username":"alice","password":"password-1","x\\u0000":1}', ''],
  ])('refuses %s in the body, naming the field', async (_name, body, field) => {
    const { api, calls } = setup();
    const res = await api.app.request('/api/v1/users', { method: 'POST', headers: authJson, body });
    expect(res.status).toBe(400);
    const problem = await problemOf(res);
    if (field !== '') expect(problem.detail).toContain(`'${field}'`);
    expect(problem.detail).toMatch(/U\+0000|surrogate/);
    expect(calls).toEqual([]);
  });

  it('refuses NUL in a path parameter', async () => {
    const { api, calls } = setup();
    const res = await api.app.request('/api/v1/users/1%00', { method: 'DELETE', headers: tenant });
    expect(res.status).toBe(400);
    expect((await problemOf(res)).detail).toContain("'userKey'");
    expect(calls).toEqual([]);
  });

  it.each(['%E0%A4%A', '%ZZ', '%'])('refuses a path parameter that does not decode (%s) with 400, not 404', async (segment) => {
    const { api } = setup();
    const res = await api.app.request(`/api/v1/users/${segment}`, { method: 'DELETE', headers: tenant });
    expect(res.status).toBe(400);
    expect((await problemOf(res)).detail).toContain("'userKey'");
  });

  it.each(['tag=a%00b', 'tag=ok&tag=%ED%A0%80', 'tag=%ZZ'])('refuses a query parameter %s', async (query) => {
    const { api, calls } = setup();
    const res = await api.app.request(`/api/v1/users?${query}`, { headers: tenant });
    expect(res.status).toBe(400);
    expect((await problemOf(res)).detail).toContain("'tag'");
    expect(calls).toEqual([]);
  });

  it('still accepts clean text with escapes', async () => {
    const { api, calls } = setup();
    const res = await api.app.request('/api/v1/users?tag=%C3%A9t%C3%A9', { headers: tenant });
    expect(res.status).toBe(200);
    expect(calls).toEqual([{ tag: ['été'] }]);
  });
});
