import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { MOCKED_APIS } from '../apis.ts';
import type { SpecDocument } from '../mount-bundle.ts';
import { operationScenarios } from '../scenarios.ts';
import { parsePrefer, pickScenario } from './prefer.ts';

describe('parsePrefer', () => {
  it.each([
    ['code=409, example=duplicateUsername', { code: 409, example: 'duplicateUsername' }],
    ['code=500', { code: 500 }],
    ['example=noMatch', { example: 'noMatch' }],
    [' Code = 404 ,example="unknownUserKey"', { code: 404, example: 'unknownUserKey' }],
    ['return=minimal, code=204', { code: 204 }],
  ])('reads %j', (header, preference) => {
    expect(parsePrefer(header)).toEqual(preference);
  });

  it.each([[undefined], [null], [''], ['return=minimal'], ['respond-async'], ['code=abc'], ['dynamic=true']])('asks for no scenario in %j', (header) => {
    expect(parsePrefer(header)).toBeUndefined();
  });
});

describe('pickScenario', () => {
  const spec = JSON.parse(readFileSync(MOCKED_APIS[0]!.bundlePath, 'utf8')) as SpecDocument;
  const scenarios = (id: string) => operationScenarios(spec).find((operation) => operation.operationId === id)!.scenarios;

  it('picks the named example of the status', () => {
    expect(pickScenario(scenarios('createUser'), { code: 409, example: 'duplicateUsername' })).toMatchObject({ status: 409, example: 'duplicateUsername' });
  });

  it("picks a status's first example for code alone", () => {
    expect(pickScenario(scenarios('deleteUser'), { code: 401 })).toMatchObject({ status: 401, example: 'missingCredentials' });
  });

  it('picks the body-less response of a status without examples', () => {
    expect(pickScenario(scenarios('deleteUser'), { code: 204 })).toMatchObject({ status: 204, example: undefined });
  });

  it('looks a bare example name up among the success responses only, as Prism does', () => {
    expect(pickScenario(scenarios('searchUsers'), { example: 'noMatch' })).toMatchObject({ status: 200, example: 'noMatch' });
    expect(pickScenario(scenarios('searchUsers'), { example: 'permissionDenied' })).toBeUndefined();
  });

  it('finds nothing for an undocumented status or name', () => {
    expect(pickScenario(scenarios('createUser'), { code: 418 })).toBeUndefined();
    expect(pickScenario(scenarios('createUser'), { code: 409, example: 'nope' })).toBeUndefined();
  });
});
