import { validationCases } from '@repo/specs/validation-cases';
import { describe, expect, it } from 'vitest';
import type { ValidationIssue } from '../issues.ts';
import { onezoneError, type OnezoneErrorBody } from './onezone-catalog.ts';
import { findOnezoneRule, onezoneValidationTable } from './onezone-validation-table.ts';
import { authJson, basicAuth } from '../../test/fixture-app.ts';
import { componentValidator, onezoneApp, onezoneSpec } from '../../test/real-apps.ts';

const issue = (partial: Partial<ValidationIssue>): ValidationIssue => ({
  pointer: partial.field === undefined || partial.field === '' ? '' : `/${partial.field}`,
  field: '',
  keyword: 'type',
  params: {},
  message: 'm',
  ...partial,
});

describe('the JSON-Schema failure → Onezone id table, row by row', () => {
  const cases: [string, ValidationIssue, string, string | undefined][] = [
    ['a body that is not an object', issue({ keyword: 'type', params: { type: 'object' }, received: 'array' }), 'malformedData', undefined],
    ['no body at all', issue({ keyword: 'required' }), 'malformedData', undefined],
    ['a missing value', issue({ keyword: 'required', field: 'username', params: { missingProperty: 'username' } }), 'missingRequiredValue', 'username'],
    ['a value required by another', issue({ keyword: 'dependentRequired', field: 'username' }), 'missingRequiredValue', 'username'],
    ['a null username', issue({ field: 'username', params: { type: 'string' }, received: 'null' }), 'badValueUsername', undefined],
    ['a null full name', issue({ field: 'fullName', params: { type: 'string' }, received: 'null' }), 'badValueFullName', undefined],
    ['a null password', issue({ field: 'password', params: { type: 'string' }, received: 'null' }), 'badValuePassword', undefined],
    ['a non-string', issue({ field: 'username', params: { type: 'string' }, received: 'number' }), 'badValueString', 'username'],
    ['a non-integer', issue({ field: 'limit', params: { type: 'integer' }, received: 'string' }), 'badValueInteger', 'limit'],
    ['a non-boolean', issue({ field: 'blocked', params: { type: 'boolean' }, received: 'string' }), 'badValueBoolean', 'blocked'],
    ['a non-list', issue({ field: 'emails', params: { type: 'array' }, received: 'string' }), 'badValueList', 'emails'],
    ['a username breaking its pattern', issue({ field: 'username', keyword: 'pattern' }), 'badValueUsername', undefined],
    ['a username too long', issue({ field: 'username', keyword: 'maxLength' }), 'badValueUsername', undefined],
    ['a full name too short', issue({ field: 'fullName', keyword: 'minLength' }), 'badValueFullName', undefined],
    ['a password too short', issue({ field: 'password', keyword: 'minLength' }), 'badValuePassword', undefined],
    ['any other refusal', issue({ field: 'email', keyword: 'format' }), 'badData', 'email'],
  ];

  it('has a test case for every row', () => {
    const used = new Set(cases.map(([, i]) => findOnezoneRule([i])?.rule));
    expect(onezoneValidationTable.filter((rule) => !used.has(rule))).toEqual([]);
  });

  it.each(cases)('maps %s', (_name, input, id, key) => {
    const found = findOnezoneRule([input]);
    expect(found?.rule.id).toBe(id);
    expect(found?.rule.withKey ? found.issue.field : undefined).toBe(key);
  });

  it('lets earlier rows win over later ones, whatever the issue order', () => {
    const issues = [
      issue({ field: 'password', keyword: 'minLength' }),
      issue({ keyword: 'required', field: 'username', params: { missingProperty: 'username' } }),
    ];
    expect(findOnezoneRule(issues)?.rule.id).toBe('missingRequiredValue');
  });
});

describe('onezone error bodies', () => {
  it('builds descriptions from details', () => {
    expect(onezoneError('badValueString', { key: 'name' })).toEqual({
      status: 400,
      body: { error: { id: 'badValueString', description: 'Bad value: provided "name" must be a string.', details: { key: 'name' } } },
    });
    expect(onezoneError('forbidden').body.error).toEqual({ id: 'forbidden', description: 'You are not authorized to perform this operation.' });
  });
});

describe('onezone mapper on the real spec', () => {
  const isError = componentValidator(onezoneSpec, 'Error');

  function app() {
    const { api, logger } = onezoneApp();
    api.handle('post', '/users', (req) => {
      if (req.body.username === 'explode') throw new Error('boom');
      return { status: 201, headers: { Location: 'https://onezone.example/api/v3/onezone/users/abc123' } };
    });
    return { api, logger };
  }

  const post = (body: string, headers: Record<string, string> = authJson) =>
    app().api.app.request('/api/v3/onezone/users', { method: 'POST', headers, body });

  async function expectError(res: Response, status: number, id: string): Promise<OnezoneErrorBody['error']> {
    expect(res.status).toBe(status);
    expect(res.headers.get('content-type')).toBe('application/json');
    const body = (await res.json()) as OnezoneErrorBody;
    expect(isError(body)).toBe(true);
    expect(body.error.id).toBe(id);
    return body.error;
  }

  for (const c of validationCases.filter((v) => v.api === 'onezone')) {
    it(`${c.valid ? 'accepts' : `answers ${c.onezoneErrorId ?? ''} for`} ${c.name}`, async () => {
      const res = await post(JSON.stringify(c.value));
      if (c.valid) {
        expect(res.status).toBe(201);
        return expect(res.headers.get('location')).toMatch(/\/api\/v3\/onezone\/users\/abc123$/);
      }
      const error = await expectError(res, 400, c.onezoneErrorId ?? '?');
      if (c.onezoneErrorId === 'badValueString' || c.onezoneErrorId === 'missingRequiredValue') {
        expect(error.details).toEqual({ key: c.key });
      } else {
        expect(error.details).toBeUndefined();
      }
    });
  }

  it('answers a body that is not JSON with malformedData', async () => {
    await expectError(await post('{"username":'), 400, 'malformedData');
  });

  it('answers missing credentials with 401 unauthorized and a challenge', async () => {
    const res = await post('{}', { 'content-type': 'application/json' });
    expect(res.headers.get('www-authenticate')).toMatch(/^Basic realm=/);
    const error = await expectError(res, 401, 'unauthorized');
    expect(error.details).toBeUndefined();
  });

  it('answers bad basic credentials with 401 and authError badBasicCredentials', async () => {
    const error = await expectError(await post('{}', { ...authJson, authorization: basicAuth('admin', 'x') }), 401, 'unauthorized');
    expect(error.details).toEqual({ authError: { id: 'badBasicCredentials', description: 'Invalid username or password.' } });
  });

  it('answers an unknown route with 404 notFound', async () => {
    await expectError(await app().api.app.request('/api/v3/onezone/groups', { headers: authJson }), 404, 'notFound');
  });

  it('answers a wrong method with 405 and Allow', async () => {
    const res = await app().api.app.request('/api/v3/onezone/user', { method: 'POST', headers: authJson });
    expect(res.headers.get('allow')).toBe('GET, HEAD');
    await expectError(res, 405, 'notSupported');
  });

  it('answers 415 and 413', async () => {
    await expectError(await post('x', { ...authJson, 'content-type': 'text/plain' }), 415, 'unsupportedMediaType');
    await expectError(await post('{}', { ...authJson, 'content-length': String(2 * 1024 * 1024) }), 413, 'payloadTooLarge');
  });

  it('answers a failing handler with internalServerError whose reference is the logged request id', async () => {
    const { api, logger } = app();
    const res = await api.app.request('/api/v3/onezone/users', {
      method: 'POST',
      headers: authJson,
      body: JSON.stringify({ username: 'explode' }),
    });
    const error = await expectError(res, 500, 'internalServerError');
    expect(error.details).toEqual({ reference: res.headers.get('x-request-id') });
    expect(logger.lines[0]?.obj['requestId']).toBe(res.headers.get('x-request-id'));
  });

  it('fills in the default full name before the handler runs', async () => {
    const { api } = onezoneApp();
    let fullName: string | undefined;
    api.handle('post', '/users', (req) => {
      fullName = req.body.fullName;
      return { status: 201, headers: { Location: 'https://x/api/v3/onezone/users/1' } };
    });
    await api.app.request('/api/v3/onezone/users', { method: 'POST', headers: authJson, body: '{}' });
    expect(fullName).toBe('Unnamed User');
  });

  it('exposes x-privileges so an app can answer 403 forbidden generically', async () => {
    const { api } = onezoneApp();
    api.handle('get', '/users', (req) => {
      const needed = (req.operation.extensions['x-privileges'] ?? []) as string[];
      if (!needed.every((p) => req.principal?.privileges.includes(p))) {
        const { body } = onezoneError('forbidden');
        return { status: 403, body };
      }
      return { status: 200, body: { users: [] } };
    });
    await expectError(await api.app.request('/api/v3/onezone/users', { headers: authJson }), 403, 'forbidden');
  });
});
