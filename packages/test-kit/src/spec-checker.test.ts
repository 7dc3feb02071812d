/** The checker itself: a checker that never complains would make every contract test pass. */
import { describe, expect, it } from 'vitest';
import { camundaSpec } from '@repo/specs/camunda';
import { onezoneSpec } from '@repo/specs/onezone';
import { SpecChecker } from './spec-checker.ts';

const camunda = new SpecChecker(camundaSpec, 'camunda');
const onezone = new SpecChecker(onezoneSpec, 'onezone');
const C = 'http://127.0.0.1:1/v2';
const O = 'http://127.0.0.1:1/api/v3/onezone';
const json = (body: unknown, type = 'application/json') => ({ headers: new Headers({ 'content-type': type }), text: JSON.stringify(body) });
const problem = { type: 'about:blank', title: 'NOT_FOUND', status: 404, detail: 'No user.' };
const error = { error: { id: 'unauthorized', description: 'You must authenticate yourself to perform this operation.' } };

describe('SpecChecker', () => {
  it('finds nothing wrong with a conforming response', () => {
    expect(camunda.violations('POST', `${C}/users`, { status: 202, ...json({ userKey: 2251799813685249 }) })).toEqual([]);
  });

  it('matches a literal path segment before a template', () => {
    expect(camunda.match('POST', `${C}/users/search`)?.path).toBe('/users/search');
    expect(camunda.match('DELETE', `${C}/users/42`)?.path).toBe('/users/{userKey}');
  });

  it('reports a request outside every operation of the spec', () => {
    expect(camunda.violations('GET', `${C}/users`, { status: 200, ...json({}) })).toEqual(['no operation of the spec matches GET /v2/users']);
    expect(camunda.violations('POST', 'http://127.0.0.1:1/users', { status: 202, ...json({}) })).toHaveLength(1);
  });

  it('reports an undeclared status', () => {
    expect(camunda.violations('POST', `${C}/users`, { status: 418, ...json(problem) })).toEqual(['status 418 is not declared']);
  });

  it('reports an undeclared content type', () => {
    const found = camunda.violations('DELETE', `${C}/users/1`, { status: 404, ...json(problem, 'application/json') });
    expect(found).toEqual([expect.stringContaining('content type application/json is not declared')]);
  });

  it('reports a body off its schema, by path', () => {
    const found = camunda.violations('POST', `${C}/users`, { status: 202, ...json({ userKey: 'one' }) });
    expect(found).toEqual(['body/userKey must be integer']);
  });

  it('checks formats, int64 included', () => {
    expect(camunda.violations('POST', `${C}/users`, { status: 202, ...json({ userKey: 2 ** 70 }) })).toEqual(['body/userKey must match format "int64"']);
    const badInstance = camunda.violations('DELETE', `${C}/users/1`, { status: 404, ...json({ ...problem, instance: 'not a uri' }, 'application/problem+json') });
    expect(badInstance).toEqual(['body/instance must match format "uri"']);
  });

  it('reports a body that is not JSON', () => {
    const found = onezone.violations('GET', `${O}/users`, { status: 200, headers: new Headers({ 'content-type': 'application/json' }), text: '<html>' });
    expect(found).toEqual([expect.stringContaining('is not JSON')]);
  });

  it('reports a missing required header', () => {
    expect(onezone.violations('GET', `${O}/user`, { status: 401, ...json(error) })).toEqual(['required header WWW-Authenticate is missing']);
    expect(onezone.violations('POST', `${O}/users`, { status: 201, headers: new Headers(), text: '' })).toEqual(['required header Location is missing']);
  });

  it('checks a header against its schema', () => {
    const headers = new Headers({ location: 'not a uri' });
    expect(onezone.violations('POST', `${O}/users`, { status: 201, headers, text: '' })).toEqual(['header Location must match format "uri"']);
  });

  it('reads a number-typed header (Retry-After) as the number its text spells', () => {
    const unavailable = { type: 'about:blank', title: 'UNAVAILABLE', status: 503, detail: 'Retry later.' };
    const answer = (retryAfter: string) => ({ status: 503, headers: new Headers({ 'content-type': 'application/problem+json', 'retry-after': retryAfter }), text: JSON.stringify(unavailable) });
    expect(camunda.violations('POST', `${C}/users`, answer('5'))).toEqual([]);
    expect(camunda.violations('POST', `${C}/users`, answer('0'))).toEqual(['header Retry-After must be >= 1']);
    expect(camunda.violations('POST', `${C}/users`, answer('soon'))).toEqual(['header Retry-After must be integer']);
  });

  it('reports a body where none is declared', () => {
    const headers = new Headers({ location: `${O}/users/abc` });
    expect(onezone.violations('POST', `${O}/users`, { status: 201, headers, text: '{}' })).toEqual(['status 201 declares no body, got "{}"']);
    expect(camunda.violations('DELETE', `${C}/users/1`, { status: 204, headers: new Headers(), text: '' })).toEqual([]);
  });
});
