import { describe, expect, it } from 'vitest';
import { ResponseValidationError } from './response-validation.ts';
import { authJson, fixtureApp } from '../test/fixture-app.ts';
import type { HandlerResponse } from './types/handler-types.ts';
import type { operations } from '../test/fixtures/fixture.ts';

type CreateUserResponse = HandlerResponse<operations['createUser']>;
const body = JSON.stringify({ username: 'alice', password: 'password-1' });
const request = { method: 'POST', headers: authJson, body } as const;

/** An app whose createUser answers `answer` (cast: these tests break the types on purpose). */
function answering(answer: unknown, mode: 'throw' | 'warn' | 'off' = 'throw') {
  const { api, logger } = fixtureApp({ validateResponses: mode });
  api.handle('post', '/users', () => answer as CreateUserResponse);
  return { app: api.app, logger };
}

describe('response validation', () => {
  it('lets a declared response through, with its default media type', async () => {
    const res = await answering({ status: 202, body: { userKey: 5 } }).app.request('/api/v1/users', request);
    expect(res.status).toBe(202);
    expect(res.headers.get('content-type')).toBe('application/json');
    expect(await res.json()).toEqual({ userKey: 5 });
  });

  it('sends declared headers and no body for a body-less response', async () => {
    const res = await answering({ status: 201, headers: { Location: 'http://x/users/1', 'X-Trace': 7 } }).app.request('/api/v1/users', request);
    expect(res.status).toBe(201);
    expect(res.headers.get('location')).toBe('http://x/users/1');
    expect(res.headers.get('x-trace')).toBe('7');
    expect(res.headers.get('content-type')).toBeNull();
    expect(await res.text()).toBe('');
  });

  it.each([
    ['an undeclared status', { status: 200, body: { userKey: 1 } }, /status 200 is not declared/],
    ['a body that breaks the schema', { status: 202, body: { userKey: 'one' } }, /body \/userKey must be integer/],
    ['a missing required header', { status: 201 }, /required header Location is missing/],
    ['an undeclared content type', { status: 202, contentType: 'text/plain', body: 'hi' }, /content type text\/plain is not declared/],
    ['a body where none is declared', { status: 201, headers: { Location: 'http://x' }, body: { a: 1 } }, /declares no body/],
  ])('throws in throw mode for %s', async (_name, answer, message) => {
    const { app } = answering(answer);
    const error = await Promise.resolve(app.request('/api/v1/users', request)).then(
      () => undefined,
      (err: unknown) => err,
    );
    expect(error).toBeInstanceOf(ResponseValidationError);
    expect((error as Error).message).toMatch(message);
  });

  it('logs loudly and still answers in warn mode', async () => {
    const { app, logger } = answering({ status: 202, body: { userKey: 'one' } }, 'warn');
    const res = await app.request('/api/v1/users', request);
    expect(res.status).toBe(202);
    expect(logger.lines).toEqual([
      expect.objectContaining({ level: 'error', msg: expect.stringMatching(/createUser does not match the spec/) }),
    ]);
    expect(logger.lines[0]?.obj).toMatchObject({ operation: 'createUser', status: 202, requestId: res.headers.get('x-request-id') });
  });

  it('checks nothing in off mode', async () => {
    const { app, logger } = answering({ status: 202, body: { userKey: 'one' } }, 'off');
    expect((await app.request('/api/v1/users', request)).status).toBe(202);
    expect(logger.lines).toEqual([]);
  });

  it('matches a status against a range and default response', async () => {
    const { api } = fixtureApp();
    api.handle('post', '/tokens', () => ({ status: 503, body: { type: 'about:blank', title: 'Down' } }));
    const res = await api.app.request('/api/v1/tokens', { method: 'POST', headers: authJson });
    expect(res.status).toBe(503);
    expect(res.headers.get('content-type')).toBe('application/problem+json');
  });

  it('sends the content type the handler picked among several', async () => {
    const { api } = fixtureApp();
    api.handle('get', '/users', () => ({ status: 200, contentType: 'text/csv', body: 'key,username\n1,alice' }));
    const res = await api.app.request('/api/v1/users', { headers: { ...authJson, 'x-tenant-id': 't' } });
    expect(res.headers.get('content-type')).toBe('text/csv; charset=UTF-8');
    expect(await res.text()).toBe('key,username\n1,alice');
  });
});
