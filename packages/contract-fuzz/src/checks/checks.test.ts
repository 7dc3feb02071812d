import { describe, expect, it } from 'vitest';
import type { Planned } from '../request/planned.ts';
import { readSpecModel } from '../spec/operations.ts';
import type { JsonObject } from '../spec/pointer.ts';
import { fixtureSpec } from '../testing/fixture-spec.ts';
import { testDocument } from '../testing/spec-fixtures.ts';
import type { RawResponse } from '../types.ts';
import { requestChecks } from './request-checks.ts';
import { responseChecks } from './response-checks.ts';

const fixture = testDocument('fixture');
const model = readSpecModel(fixtureSpec as unknown as JsonObject);
const op = (id: string) => model.operations.find((o) => o.operationId === id)!;
const response = (status: number, headers: Record<string, string>, body?: unknown): RawResponse => ({
  status,
  headers,
  text: body === undefined ? '' : typeof body === 'string' ? body : JSON.stringify(body),
  durationMs: 1,
});
const failed = (verdicts: ReturnType<typeof responseChecks>) => verdicts.filter((v) => !v.ok).map((v) => v.check);
const json = { 'content-type': 'application/json' };
const problem = { 'content-type': 'application/problem+json' };

describe('responseChecks', () => {
  it('passes a conforming response', () => {
    const verdicts = responseChecks(fixture.validator, op('createItem'), response(201, { ...json, location: 'http://fixture.test/items/i1' }, { id: 'i1', name: 'a' }));
    expect(failed(verdicts)).toEqual([]);
    expect(verdicts.map((v) => v.check).sort()).toEqual(
      ['content_type_conformance', 'not_a_server_error', 'response_headers_conformance', 'response_schema_conformance', 'status_code_conformance'].sort(),
    );
  });

  it('fails not_a_server_error on a 5xx and on no answer', () => {
    expect(failed(responseChecks(fixture.validator, op('getItem'), response(503, problem, { title: 'x' })))).toContain('not_a_server_error');
    expect(failed(responseChecks(fixture.validator, op('getItem'), response(0, {}, 'request error: ECONNRESET')))).toEqual(['not_a_server_error']);
  });

  it('fails status_code_conformance on an undeclared status', () => {
    expect(failed(responseChecks(fixture.validator, op('getItem'), response(409, problem, { title: 'x' })))).toEqual(['status_code_conformance']);
  });

  it('fails content_type_conformance on an undeclared media type, a missing one, or a body where none is declared', () => {
    expect(failed(responseChecks(fixture.validator, op('getItem'), response(404, json, { title: 'x' })))).toEqual(['content_type_conformance']);
    expect(failed(responseChecks(fixture.validator, op('getItem'), response(404, {}, '{"title":"x"}')))).toEqual(['content_type_conformance']);
    expect(failed(responseChecks(fixture.validator, op('deleteItem'), response(204, json, { ok: true })))).toEqual(['content_type_conformance']);
    expect(failed(responseChecks(fixture.validator, op('deleteItem'), response(204, {})))).toEqual([]);
  });

  it('fails response_headers_conformance on a missing required header or one off its schema', () => {
    const body = { id: 'i1', name: 'a' };
    expect(failed(responseChecks(fixture.validator, op('createItem'), response(201, json, body)))).toEqual(['response_headers_conformance']);
    expect(failed(responseChecks(fixture.validator, op('createItem'), response(201, { ...json, location: 'http://h/%E0%A4%A x' }, body)))).toEqual([
      'response_headers_conformance',
    ]);
    expect(failed(responseChecks(fixture.validator, op('listItems'), response(401, problem, { title: 'x' })))).toEqual(['response_headers_conformance']);
  });

  it('fails response_schema_conformance on a body off the schema or not JSON', () => {
    expect(failed(responseChecks(fixture.validator, op('getItem'), response(200, json, { id: 1, name: 'a' })))).toEqual(['response_schema_conformance']);
    expect(failed(responseChecks(fixture.validator, op('getItem'), response(200, json, '{oops')))).toEqual(['response_schema_conformance']);
  });
});

const planned = (expectation: Planned['expectation'], extra: Partial<Planned> = {}): Planned => ({
  generated: { operationId: 'createItem', class: 'positive', description: 'test', request: { method: 'POST', url: 'http://h/items', headers: [] } },
  expectation,
  values: { path: {}, query: {}, header: {} },
  authorised: true,
  ...extra,
});
const requestFailed = (p: Planned, r: RawResponse) => requestChecks(p, r, []).filter((v) => !v.ok).map((v) => v.check);

describe('requestChecks', () => {
  it('negative_data_rejection: a 2xx for an invalid request fails, a 4xx passes', () => {
    expect(requestFailed(planned('invalid'), response(201, json, {}))).toEqual(['negative_data_rejection']);
    expect(requestFailed(planned('invalid'), response(400, problem, {}))).toEqual([]);
  });

  it('positive_data_acceptance: a 400 for a valid request fails unless excused; other statuses pass', () => {
    expect(requestFailed(planned('valid'), response(400, problem, {}))).toEqual(['positive_data_acceptance']);
    expect(requestFailed(planned('valid'), response(409, problem, {}))).toEqual([]);
    expect(requestFailed(planned('valid', { authorised: false }), response(400, problem, {}))).toEqual([]);
    const taken = response(400, json, { error: { id: 'badValueIdentifierOccupied', details: { key: 'username' } } });
    const verdicts = requestChecks(planned('valid'), taken, [
      { operationId: 'createItem', status: 400, bodyPointer: '/error/id', equals: 'badValueIdentifierOccupied', reason: 'username taken' },
    ]);
    expect(verdicts).toEqual([expect.objectContaining({ check: 'positive_data_acceptance', ok: true, excused: 'username taken' })]);
  });

  it('ignored_auth: anything but 401 fails; 400 passes only for undecodable credentials', () => {
    expect(requestFailed(planned('unauthenticated'), response(200, json, {}))).toEqual(['ignored_auth']);
    expect(requestFailed(planned('unauthenticated'), response(400, json, {}))).toEqual(['ignored_auth']);
    expect(requestFailed(planned('unauthenticated'), response(401, json, {}))).toEqual([]);
    expect(requestFailed(planned('unauthenticated-or-bad'), response(400, json, {}))).toEqual([]);
    expect(requestFailed(planned('unauthenticated-or-bad'), response(500, json, {}))).toEqual(['ignored_auth']);
  });

  it('unsupported_method: only 405 passes', () => {
    expect(requestFailed(planned('unsupported-method'), response(404, json, {}))).toEqual(['unsupported_method']);
    expect(requestFailed(planned('unsupported-method'), response(405, json, {}))).toEqual([]);
  });

  it('host_header_not_reflected: the odd host in a header or the body fails', () => {
    const odd = planned('lenient', { oddHost: '[2001:db8::f022]:8443' });
    expect(requestFailed(odd, response(201, { location: 'http://[2001:db8::f022]:8443/items/1' }))).toEqual(['host_header_not_reflected']);
    expect(requestFailed(odd, response(400, json, { instance: 'http://[2001:DB8::F022]/x' }))).toEqual(['host_header_not_reflected']);
    expect(requestFailed(odd, response(201, { location: 'http://fixture.test/items/1' }))).toEqual([]);
  });
});
