import { validationCases } from '@repo/specs/validation-cases';
import { describe, expect, it } from 'vitest';
import { authJson, basicAuth, problemOf } from './fixture-app.ts';
import { camundaApp, camundaSpec, componentValidator } from './real-apps.ts';

const isProblemDetail = componentValidator(camundaSpec, 'ProblemDetail');

function app() {
  const { api, logger } = camundaApp();
  api.handle('post', '/users', (req) => {
    if (req.body.username === 'explode') throw new Error('boom');
    return { status: 202, body: { userKey: 2251799813685249 } };
  });
  return { api, logger };
}

const createUser = (body: string, headers: Record<string, string> = authJson) =>
  app().api.app.request('/v2/users', { method: 'POST', headers, body });

/** Every error is problem+json matching the spec's ProblemDetail, with status in the body. */
async function expectProblem(res: Response, status: number) {
  expect(res.status).toBe(status);
  expect(res.headers.get('content-type')).toBe('application/problem+json');
  const problem = await problemOf(res);
  expect(isProblemDetail(problem)).toBe(true);
  expect(problem).toMatchObject({ type: 'about:blank', status });
  return problem;
}

describe('the runtime on the real Camunda spec (problem+json fixture mapper)', () => {
  it('accepts the documented minimal request', async () => {
    const res = await createUser(JSON.stringify({ username: 'demo', password: 'demo' }));
    expect(res.status).toBe(202);
    expect(await res.json()).toEqual({ userKey: 2251799813685249 });
  });

  for (const c of validationCases.filter((v) => v.api === 'camunda' && v.schema === 'UserRequest')) {
    it(`${c.valid ? 'accepts' : 'refuses, naming the field,'} ${c.name}`, async () => {
      const res = await createUser(JSON.stringify(c.value));
      if (c.valid) return expect(res.status).toBe(202);
      const problem = await expectProblem(res, 400);
      expect(problem.title).toBe('INVALID_ARGUMENT');
      expect(problem.detail).toContain(c.key);
    });
  }

  it('says "No password provided." as upstream does', async () => {
    const problem = await expectProblem(await createUser(JSON.stringify({ username: 'demo' })), 400);
    expect(problem.detail).toBe('No password provided.');
  });

  it('answers malformed JSON with 400 Bad Request', async () => {
    const problem = await expectProblem(await createUser('{"username": '), 400);
    expect(problem).toMatchObject({ title: 'Bad Request', instance: 'http://localhost/v2/users' });
  });

  it('answers an unknown route with 404', async () => {
    await expectProblem(await app().api.app.request('/v2/groups', { headers: authJson }), 404);
  });

  it('answers a wrong method with 405 and Allow', async () => {
    const res = await app().api.app.request('/v2/users', { headers: authJson });
    expect(res.headers.get('allow')).toBe('POST');
    await expectProblem(res, 405);
  });

  it('answers a non-JSON body with 415', async () => {
    await expectProblem(await createUser('username=demo', { ...authJson, 'content-type': 'text/plain' }), 415);
  });

  it('answers an oversize body with 413', async () => {
    const body = JSON.stringify({ username: 'demo', password: 'x'.repeat(1024 * 1024) });
    await expectProblem(await createUser(body, { ...authJson, 'content-length': String(body.length) }), 413);
  });

  it('answers missing credentials with 401 and a Basic challenge', async () => {
    const res = await createUser('{}', { 'content-type': 'application/json' });
    expect(res.headers.get('www-authenticate')).toBe('Basic realm="Camunda 8 REST API - users", charset="UTF-8"');
    const problem = await expectProblem(res, 401);
    expect(problem.detail).toBe('The request lacks valid authentication credentials.');
  });

  it('answers wrong credentials with 401', async () => {
    await expectProblem(await createUser('{}', { ...authJson, authorization: basicAuth('admin', 'nope') }), 401);
  });

  it('answers an operation without handler with 501', async () => {
    await expectProblem(await app().api.app.request('/v2/users/1', { method: 'DELETE', headers: authJson }), 501);
  });

  it('answers a failing handler with 500 carrying the logged request id', async () => {
    const { api, logger } = app();
    const res = await api.app.request('/v2/users', { method: 'POST', headers: authJson, body: JSON.stringify({ username: 'explode', password: 'x' }) });
    const problem = await expectProblem(res, 500);
    const requestId = res.headers.get('x-request-id') ?? 'missing';
    expect(problem.detail).toContain(requestId);
    expect(logger.lines[0]?.obj['requestId']).toBe(requestId);
  });
});
