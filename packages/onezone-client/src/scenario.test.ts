import { describe, expect, it } from 'vitest';
import { preferValue } from './scenario.ts';

describe('preferValue', () => {
  it('turns an example name into example=<name>', () => {
    expect(preferValue('withoutUsername')).toBe('example=withoutUsername');
  });

  it('turns a status code into code=<status>', () => {
    expect(preferValue('400')).toBe('code=400');
  });

  it('passes a full Prefer value through', () => {
    expect(preferValue('code=400, example=badValueIdentifierOccupied')).toBe('code=400, example=badValueIdentifierOccupied');
  });

  it('trims surrounding whitespace', () => {
    expect(preferValue(' withoutUsername ')).toBe('example=withoutUsername');
  });

  it.each(['', 'two words', 'naïve'])('rejects %j', (scenario) => {
    expect(() => preferValue(scenario)).toThrow(/Invalid mock scenario/);
  });
});
