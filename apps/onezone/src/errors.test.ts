import type { Context } from 'hono';
import { describe, expect, it } from 'vitest';
import type { RuntimeFailure, ValidationIssue } from '@repo/hono-openapi';
import { onezoneError, onezoneErrors, refusedRequestError, type OnezoneErrorCode } from './errors.ts';
import { specChecker } from '@repo/test-kit';
import { onezoneSpec } from '@repo/specs/onezone';

const errorBodyViolations = (body: unknown) => specChecker(onezoneSpec).componentViolations('Error', body);

const c = {} as Context;
const sample: { [C in OnezoneErrorCode]: ReturnType<typeof onezoneError<C>> } = {
  malformedData: onezoneError('malformedData'),
  missingRequiredValue: onezoneError('missingRequiredValue', { key: 'username' }),
  badValueString: onezoneError('badValueString', { key: 'fullName' }),
  badValueUsername: onezoneError('badValueUsername'),
  badValueFullName: onezoneError('badValueFullName'),
  badValuePassword: onezoneError('badValuePassword'),
  badValueIdentifierOccupied: onezoneError('badValueIdentifierOccupied', { key: 'username' }),
  badValueBoolean: onezoneError('badValueBoolean', { key: 'blocked' }),
  missingCredentials: onezoneError('missingCredentials'),
  badBasicCredentials: onezoneError('badBasicCredentials'),
  basicAuthDisabled: onezoneError('basicAuthDisabled'),
  userBlocked: onezoneError('userBlocked'),
  badToken: onezoneError('badToken'),
  forbidden: onezoneError('forbidden'),
  notFound: onezoneError('notFound'),
  methodNotAllowed: onezoneError('methodNotAllowed'),
  payloadTooLarge: onezoneError('payloadTooLarge', { limit: 1024 }),
  unsupportedMediaType: onezoneError('unsupportedMediaType'),
  internalServerError: onezoneError('internalServerError', { reference: 'req-1' }),
  notImplemented: onezoneError('notImplemented'),
  tooManyRequests: onezoneError('tooManyRequests'),
  temporaryFailure: onezoneError('temporaryFailure'),
};

describe('onezoneError', () => {
  it.each(Object.entries(sample))('builds a spec-valid Error body for %s', (_code, { body }) => {
    expect(errorBodyViolations(body)).toEqual([]);
  });

  it('puts the key into details and description', () => {
    expect(onezoneError('badValueString', { key: 'name' }).body).toEqual({
      error: { id: 'badValueString', description: 'Bad value: provided "name" must be a string.', details: { key: 'name' } },
    });
  });

  it('gives bad credentials the upstream authError detail', () => {
    expect(sample.badBasicCredentials.body.error.details).toEqual({ authError: { id: 'badBasicCredentials', description: 'Invalid username or password.' } });
  });

  it('names the reference of an internal error in details and description', () => {
    expect(sample.internalServerError.body.error.details).toEqual({ reference: 'req-1' });
    expect(sample.internalServerError.body.error.description).toContain('req-1');
  });
});

const issue = (field: string, keyword: string, extra: Partial<ValidationIssue> = {}): ValidationIssue => ({
  pointer: field === '' ? '' : `/${field}`,
  field,
  keyword,
  params: {},
  message: '',
  ...extra,
});

const failures: [string, RuntimeFailure, number, string, Record<string, unknown> | undefined][] = [
  ['notFound', { kind: 'notFound', method: 'GET', path: '/x' }, 404, 'notFound', undefined],
  ['methodNotAllowed', { kind: 'methodNotAllowed', method: 'PUT', allow: ['GET'] }, 405, 'notSupported', undefined],
  ['unsupportedMediaType', { kind: 'unsupportedMediaType', contentType: 'text/plain', supported: ['application/json'] }, 415, 'malformedData', undefined],
  ['payloadTooLarge', { kind: 'payloadTooLarge', limit: 10 }, 413, 'malformedData', undefined],
  ['malformedJson', { kind: 'malformedJson', reason: 'syntax' }, 400, 'malformedData', undefined],
  ['a body that is not UTF-8', { kind: 'malformedJson', reason: 'encoding' }, 400, 'malformedData', undefined],
  [
    'unauthorized, no credentials',
    { kind: 'unauthorized', reason: 'missingCredentials', schemes: ['basicAuth'], challenges: [] },
    401,
    'unauthorized',
    undefined,
  ],
  [
    'unauthorized, bad credentials',
    { kind: 'unauthorized', reason: 'invalidCredentials', schemes: ['basicAuth'], rejected: { scheme: 'basicAuth', kind: 'basic' }, challenges: [] },
    401,
    'unauthorized',
    { authError: { id: 'badBasicCredentials', description: 'Invalid username or password.' } },
  ],
  [
    'unauthorized, bad token',
    { kind: 'unauthorized', reason: 'invalidCredentials', schemes: ['tokenAuth'], rejected: { scheme: 'tokenAuth', kind: 'apiKey' }, challenges: [] },
    401,
    'unauthorized',
    { authError: { id: 'badToken', description: 'Provided token could not be understood by the server.' } },
  ],
  ['notImplemented', { kind: 'notImplemented', method: 'GET', path: '/x', operationId: 'x' }, 501, 'notImplemented', undefined],
  ['internal', { kind: 'internal', requestId: 'abc' }, 500, 'internalServerError', { reference: 'abc' }],
  ['unavailable', { kind: 'unavailable', retryAfterSeconds: 5 }, 503, 'temporaryFailure', undefined],
  ['tooManyRequests', { kind: 'tooManyRequests', retryAfterSeconds: 60 }, 429, 'tooManyRequests', undefined],
  ['a path parameter', { kind: 'validation', location: 'path', issues: [issue('id', 'minLength')] }, 404, 'notFound', undefined],
  ['a missing username', { kind: 'validation', location: 'body', issues: [issue('username', 'required')] }, 400, 'missingRequiredValue', { key: 'username' }],
  [
    'a null password',
    { kind: 'validation', location: 'body', issues: [issue('password', 'type', { params: { type: 'string' }, received: 'null' })] },
    400,
    'badValuePassword',
    undefined,
  ],
];

describe('onezoneErrors (the runtime failure mapper)', () => {
  it.each(failures)('maps %s', (_, failure, status, id, details) => {
    const mapped = onezoneErrors(failure, c);
    expect(mapped.status).toBe(status);
    expect(mapped.contentType).toBe('application/json');
    const body = mapped.body as { error: { id: string; details?: unknown } };
    expect(body.error.id).toBe(id);
    expect(body.error.details).toEqual(details);
    expect(errorBodyViolations(body)).toEqual([]);
  });

});

describe('refusedRequestError', () => {
  it('answers a request the HTTP parser refused 400 malformedData, a valid Error body', () => {
    const { status, contentType, body } = refusedRequestError();
    expect({ status, contentType }).toEqual({ status: 400, contentType: 'application/json' });
    expect(body).toEqual(onezoneError('malformedData').body);
    expect(errorBodyViolations(body)).toEqual([]);
  });
});
