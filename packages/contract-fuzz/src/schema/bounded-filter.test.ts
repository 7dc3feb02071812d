import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { boundedFilter } from './bounded-filter.ts';

describe('boundedFilter', () => {
  it('keeps only values that pass, also while shrinking', () => {
    const even = boundedFilter(fc.integer({ min: 0, max: 1000 }), (n) => n % 2 === 0, 'even');
    expect(fc.sample(even, { numRuns: 100, seed: 1 }).every((n) => n % 2 === 0)).toBe(true);
    const result = fc.check(fc.property(even, (n) => n < 100), { seed: 1 });
    expect(result.failed).toBe(true);
    expect(result.numShrinks).toBeGreaterThan(0);
    const [shrunk] = result.counterexample!;
    expect(shrunk! % 2).toBe(0);
    expect(shrunk).toBeGreaterThanOrEqual(100);
  });

  it('throws a clear error instead of spinning when nothing passes', () => {
    const never = boundedFilter(fc.integer(), () => false, 'an impossible schema');
    expect(() => fc.sample(never, { numRuns: 1, seed: 1 })).toThrow(/no valid value for an impossible schema/);
  });
});
