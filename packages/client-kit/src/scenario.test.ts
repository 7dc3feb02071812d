import { describe, expect, it } from 'vitest';
import { preferValue } from './scenario.ts';

describe('preferValue', () => {
  it('turns an example name into example=<name>', () => {
    expect(preferValue('noMatch')).toBe('example=noMatch');
  });

  it('turns a status code into code=<status>', () => {
    expect(preferValue('409')).toBe('code=409');
  });

  it('passes a full Prefer value through', () => {
    expect(preferValue('code=409, example=duplicateUsername')).toBe('code=409, example=duplicateUsername');
  });

  it('trims surrounding whitespace', () => {
    expect(preferValue(' noMatch ')).toBe('example=noMatch');
  });

  it.each(['', 'two words', 'naïve'])('rejects %j', (scenario) => {
    expect(() => preferValue(scenario)).toThrow(/Invalid mock scenario/);
  });
});
