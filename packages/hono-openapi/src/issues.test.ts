import Ajv2020 from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { issuesFromAjvErrors } from './issues.ts';

const ajv = new Ajv2020({ allErrors: true, strict: false });
const validate = ajv.compile({
  type: 'object',
  required: ['username', 'password'],
  additionalProperties: false,
  properties: {
    username: { type: 'string', minLength: 2 },
    password: { type: 'string', minLength: 8, enum: ['secret-one', 'secret-two'] },
    page: { type: 'object', properties: { limit: { type: 'integer', maximum: 10 } } },
    'a/b': { type: 'string' },
  },
  if: { required: ['page'] },
  then: { required: ['username'] },
});

function issuesOf(data: unknown) {
  expect(validate(data)).toBe(false);
  return issuesFromAjvErrors(validate.errors, data);
}

describe('issuesFromAjvErrors', () => {
  it('points a required issue at the missing property', () => {
    const [issue] = issuesOf({ username: 'alice' });
    expect(issue).toMatchObject({ pointer: '/password', field: 'password', keyword: 'required' });
    expect(issue?.params).toEqual({ missingProperty: 'password' });
  });

  it('reports every offending field', () => {
    const fields = issuesOf({ username: 'a', password: 5 }).map((i) => `${i.field}:${i.keyword}`);
    expect(fields).toEqual(['username:minLength', 'password:enum', 'password:type']);
  });

  it('gives nested fields as pointer and dotted path', () => {
    const [issue] = issuesOf({ username: 'alice', password: 'secret-one', page: { limit: 11 } });
    expect(issue).toMatchObject({ pointer: '/page/limit', field: 'page.limit', keyword: 'maximum', params: { limit: 10 } });
  });

  it('escapes pointer segments and points additionalProperties at the extra property', () => {
    const issues = issuesOf({ username: 'alice', password: 'secret-one', 'a/b': 1, extra: true });
    expect(issues.map((i) => i.pointer)).toEqual(['/extra', '/a~1b']);
  });

  it('reports the JSON type received, so null can be told from a number', () => {
    const issues = issuesOf({ username: null, password: 12345678 });
    expect(issues.map((i) => i.received)).toEqual(['null', 'number', 'number']);
  });

  it('drops the uninformative "must match then schema" issue of if/then', () => {
    const issues = issuesOf({ password: 'secret-one', page: {} });
    expect(issues.map((i) => i.keyword)).toEqual(['required', 'required']);
  });

  it('never carries the value of a password, not even as allowed values', () => {
    const password = 'hunter2-is-my-password';
    const issues = issuesOf({ username: 'alice', password });
    expect(JSON.stringify(issues)).not.toContain(password);
    expect(JSON.stringify(issues)).not.toContain('secret-one');
    expect(issues.find((i) => i.keyword === 'enum')?.params).toEqual({});
  });
});
