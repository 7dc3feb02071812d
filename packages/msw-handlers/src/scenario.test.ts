import { describe, expect, it } from 'vitest';
import { parseScenario } from './scenario.ts';

describe('parseScenario', () => {
  it.each([
    ['code=409, example=duplicateUsername', { code: 409, example: 'duplicateUsername' }],
    ['example=noMatch,code=200', { code: 200, example: 'noMatch' }],
    ['code=204', { code: 204 }],
    ['409', { code: 409 }],
    ['noMatch', { example: 'noMatch' }],
    ['code=409, dynamic=true', { code: 409 }],
    [' example = noMatch ', { example: 'noMatch' }],
  ])('reads %j', (scenario, parsed) => {
    expect(parseScenario(scenario)).toEqual(parsed);
  });
});
