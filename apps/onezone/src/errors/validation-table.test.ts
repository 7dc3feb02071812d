import type { ValidationIssue, ValidationLocation } from '@repo/hono-openapi';
import { describe, expect, it } from 'vitest';
import { findValidationRule, validationTable } from './validation-table.ts';

const issue = (partial: Partial<ValidationIssue>): ValidationIssue => ({
  pointer: partial.field === undefined || partial.field === '' ? '' : `/${partial.field}`,
  field: '',
  keyword: 'type',
  params: {},
  message: 'm',
  ...partial,
});

describe('the JSON-Schema failure → Onezone id table, row by row', () => {
  const hygiene = (field: string, problem = 'nul') => issue({ field, keyword: 'textHygiene', params: { problem }, received: 'string' });
  const cases: [string, ValidationIssue, string, string | undefined, ValidationLocation?][] = [
    ['NUL in the username', hygiene('username'), 'badValueUsername', undefined],
    ['a lone surrogate in the full name', hygiene('fullName', 'unpairedSurrogate'), 'badValueFullName', undefined],
    ['NUL in the password', hygiene('password'), 'badValuePassword', undefined],
    ['NUL in another string', hygiene('email'), 'badValueString', 'email'],
    ['a path id that does not decode', hygiene('id', 'percentEncoding'), 'badValueString', 'id', 'path'],
    ['a property name with NUL', issue({ keyword: 'propertyNameHygiene', params: { problem: 'nul' }, received: 'object' }), 'malformedData', undefined],
    ['a path id breaking its schema', issue({ field: 'id', keyword: 'pattern' }), 'notFound', undefined, 'path'],
    ['a bad query parameter', issue({ field: 'limit', keyword: 'minimum' }), 'malformedData', undefined, 'query'],
    ['a bad header parameter', issue({ field: 'x-tenant', keyword: 'minLength' }), 'malformedData', undefined, 'header'],
    ['a body that is not an object', issue({ keyword: 'type', params: { type: 'object' }, received: 'array' }), 'malformedData', undefined],
    ['no body at all', issue({ keyword: 'required' }), 'malformedData', undefined],
    ['a missing value', issue({ keyword: 'required', field: 'username', params: { missingProperty: 'username' } }), 'missingRequiredValue', 'username'],
    ['a value required by another', issue({ keyword: 'dependentRequired', field: 'username' }), 'missingRequiredValue', 'username'],
    ['a null username', issue({ field: 'username', params: { type: 'string' }, received: 'null' }), 'badValueUsername', undefined],
    ['a null full name', issue({ field: 'fullName', params: { type: 'string' }, received: 'null' }), 'badValueFullName', undefined],
    ['a null password', issue({ field: 'password', params: { type: 'string' }, received: 'null' }), 'badValuePassword', undefined],
    ['a null new password', issue({ field: 'newPassword', params: { type: 'string' }, received: 'null' }), 'badValuePassword', undefined],
    ['a non-string', issue({ field: 'username', params: { type: 'string' }, received: 'number' }), 'badValueString', 'username'],
    ['a non-integer', issue({ field: 'limit', params: { type: 'integer' }, received: 'string' }), 'badValueInteger', 'limit'],
    ['a non-boolean', issue({ field: 'blocked', params: { type: 'boolean' }, received: 'string' }), 'badValueBoolean', 'blocked'],
    ['a non-list', issue({ field: 'emails', params: { type: 'array' }, received: 'string' }), 'badValueList', 'emails'],
    ['a username breaking its pattern', issue({ field: 'username', keyword: 'pattern' }), 'badValueUsername', undefined],
    ['a username too long', issue({ field: 'username', keyword: 'maxLength' }), 'badValueUsername', undefined],
    ['a full name too short', issue({ field: 'fullName', keyword: 'minLength' }), 'badValueFullName', undefined],
    ['a password too short', issue({ field: 'password', keyword: 'minLength' }), 'badValuePassword', undefined],
    ['a new password too short', issue({ field: 'newPassword', keyword: 'minLength' }), 'badValuePassword', undefined],
    ['any other refusal', issue({ field: 'email', keyword: 'format' }), 'badData', 'email'],
  ];

  it('has a test case for every row', () => {
    const used = new Set(cases.map(([, i, , , location]) => findValidationRule([i], location)?.rule));
    expect(validationTable.filter((rule) => !used.has(rule))).toEqual([]);
  });

  it.each(cases)('maps %s', (_name, input, id, key, location) => {
    const found = findValidationRule([input], location);
    expect(found?.rule.id).toBe(id);
    expect(found?.rule.withKey ? found.issue.field : undefined).toBe(key);
  });

  it('lets earlier rows win over later ones, whatever the issue order', () => {
    const issues = [
      issue({ field: 'password', keyword: 'minLength' }),
      issue({ keyword: 'required', field: 'username', params: { missingProperty: 'username' } }),
    ];
    expect(findValidationRule(issues)?.rule.id).toBe('missingRequiredValue');
  });
});
