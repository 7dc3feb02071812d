// The guard in front of a real Prism (Camunda): what it answers itself comes from the spec, the rest
// passes through; and a request that used to crash Prism leaves the mock running.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { MOCKED_APIS } from './apis.ts';
import { mountAtServerPath, type SpecDocument } from './mount-bundle.ts';
import { decodable, isBodyParserError, matchOperation, specErrorAnswer, startPrismGuard, startingAnswer } from './prism-guard.ts';
import { operationScenarios } from './scenarios.ts';
import { startMock, type RunningMock } from './start-mocks.ts';

const AUTHORIZATION = `Basic ${btoa('demo:demo')}`;
const bundle = JSON.parse(readFileSync(MOCKED_APIS[0]!.bundlePath, 'utf8')) as SpecDocument;
const mounted = mountAtServerPath(bundle);
const scenarios = operationScenarios(mounted);
/** The first named example of `status` of `operationId`, from the spec. */
const firstExample = (operationId: string, status: number) =>
  scenarios.find((o) => o.operationId === operationId)!.scenarios.find((s) => s.status === status && s.example !== undefined)!;

describe('the guard’s decisions', () => {
  it('tells broken percent-encoding from valid encoding, in the path and the query', () => {
    expect(decodable('/v2/users/%E0%A4%A')).toBe(false);
    expect(decodable('/v2/users/%ZZ')).toBe(false);
    expect(decodable('/v2/users/%C0%AF')).toBe(false);
    expect(decodable('/v2/users/search?x=%E0%A4%A')).toBe(false);
    expect(decodable('/v2/users/a%00b')).toBe(true);
    expect(decodable('/v2/users/caf%C3%A9?q=a%20b')).toBe(true);
  });

  it('matches concrete paths before templated ones, by method', () => {
    expect(matchOperation(scenarios, '', 'POST', '/v2/users/search')?.operationId).toBe('searchUsers');
    expect(matchOperation(scenarios, '', 'DELETE', '/v2/users/%E0%A4%A')?.operationId).toBe('deleteUser');
    expect(matchOperation(scenarios, '', 'PUT', '/v2/users/1?x=1')?.operationId).toBe('updateUser');
    expect(matchOperation(scenarios, '', 'GET', '/v2/nothing/here')).toBeUndefined();
  });

  it('answers with the operation’s first 400 example, else a 400 example of the spec', () => {
    const example = firstExample('deleteUser', 400);
    expect(specErrorAnswer(mounted, 'DELETE', '/v2/users/%ZZ')).toEqual({ status: 400, mediaType: example.mediaType, body: JSON.stringify(example.body) });
    const anywhere = scenarios.flatMap((o) => o.scenarios).find((s) => s.status === 400 && s.example !== undefined)!;
    expect(specErrorAnswer(mounted, 'GET', '/v2/nothing/%ZZ').body).toBe(JSON.stringify(anywhere.body));
  });

  it('answers with the operation’s 503 example and its Retry-After while Prism starts, else a 503 example of the spec', () => {
    const example = firstExample('createUser', 503);
    expect(startingAnswer(mounted, 'POST', '/v2/users')).toEqual({
      status: 503,
      mediaType: example.mediaType,
      body: JSON.stringify(example.body),
      headers: { 'retry-after': example.headers['Retry-After'] },
    });
    // The spec's example value, which the example body's text names too.
    expect(example.headers['Retry-After']).toBe('5');
    expect(JSON.stringify(example.body)).toContain('5 seconds');
    const anywhere = scenarios.flatMap((o) => o.scenarios).find((s) => s.status === 503 && s.example !== undefined)!;
    expect(startingAnswer(mounted, 'GET', '/v2/nothing/here')).toMatchObject({ status: 503, body: JSON.stringify(anywhere.body) });
  });

  it('recognises only the body parser’s own error answer', () => {
    expect(isBodyParserError('{"error":{"code":"invalid_json","message":"Invalid JSON"}}')).toBe(true);
    expect(isBodyParserError('{"error":{"code":"invalid_body","message":"Invalid body"}}')).toBe(true);
    expect(isBodyParserError('{"error":{"id":"badValueString","description":"x"}}')).toBe(false);
    expect(isBodyParserError('{"type":"about:blank","status":400}')).toBe(false);
    expect(isBodyParserError('not json')).toBe(false);
  });
});

describe('a guard whose Prism is still starting', () => {
  it('answers every request itself with 503 and Retry-After, in the API’s format, and says so', async () => {
    const lines: string[] = [];
    const guard = await startPrismGuard({ host: '127.0.0.1', port: 0, upstream: { host: '127.0.0.1', port: 0 }, spec: () => mounted, onLine: (line) => lines.push(line) });
    try {
      const response = await fetch(`http://127.0.0.1:${guard.port}/v2/users`, {
        method: 'POST',
        headers: { authorization: AUTHORIZATION, 'content-type': 'application/json', origin: 'http://localhost:5173' },
        body: '{"username":"jane"}',
      });
      const example = firstExample('createUser', 503);
      expect(response.status).toBe(503);
      expect(response.headers.get('retry-after')).toBe(example.headers['Retry-After']);
      expect(response.headers.get('content-type')).toBe(example.mediaType);
      expect(response.headers.get('access-control-allow-origin')).toBe('http://localhost:5173');
      expect(await response.json()).toEqual(example.body);
      expect(lines).toEqual(['POST /v2/users: Prism is still starting, answered 503 with Retry-After']);
    } finally {
      await guard.close();
    }
  });
});

describe('a mock behind the guard', () => {
  let mock: RunningMock;
  let exited: number | null | undefined;
  beforeAll(async () => {
    mock = await startMock({ api: 'camunda', port: 0, watch: false, onExit: (code) => (exited = code) });
  }, 30_000);
  afterAll(() => mock?.close());

  it('answers a path with broken percent-encoding with the spec’s 400 example, and keeps running', async () => {
    for (const raw of ['%E0%A4%A', '%ZZ', '%', '%C0%AF', '%FF']) {
      const response = await fetch(`${mock.baseUrl}/users/${raw}`, { method: 'DELETE', headers: { Authorization: AUTHORIZATION } });
      const example = firstExample('deleteUser', 400);
      expect(response.status, raw).toBe(400);
      expect(response.headers.get('content-type')).toBe(example.mediaType);
      expect(await response.json()).toEqual(example.body);
    }
    const after = await fetch(`${mock.baseUrl}/users/1`, { method: 'DELETE', headers: { Authorization: AUTHORIZATION } });
    expect(after.status).toBe(204);
    expect(exited).toBeUndefined();
  });

  it('answers a body that is not JSON with the operation’s 400 example instead of Prism’s own format', async () => {
    const response = await fetch(`${mock.baseUrl}/users`, {
      method: 'POST',
      headers: { Authorization: AUTHORIZATION, 'Content-Type': 'application/json' },
      body: '{"username":',
    });
    const example = firstExample('createUser', 400);
    expect(response.status).toBe(400);
    expect(response.headers.get('content-type')).toBe(example.mediaType);
    expect(await response.json()).toEqual(example.body);
  });

  it('passes everything else through: Prefer, status, headers and body', async () => {
    const scenario = firstExample('createUser', 409);
    const response = await fetch(`${mock.baseUrl}/users`, {
      method: 'POST',
      headers: { Authorization: AUTHORIZATION, 'Content-Type': 'application/json', Prefer: scenario.prefer },
      body: JSON.stringify({ username: 'jdoe', password: 's3cr3t-Passw0rd' }),
    });
    expect(response.status).toBe(409);
    expect(await response.json()).toEqual(scenario.body);
    const invalid = await fetch(`${mock.baseUrl}/users`, {
      method: 'POST',
      headers: { Authorization: AUTHORIZATION, 'Content-Type': 'application/json' },
      body: JSON.stringify({ username: 'jdoe' }),
    });
    expect(invalid.status).toBe(400);
    expect(invalid.headers.get('sl-violations')).toContain('password');
  });
});
