import { describe, expect, it } from 'vitest';
import { backoffDelayMs } from './backoff.ts';

const bounds = { baseDelayMs: 100, maxDelayMs: 1_000 };

describe('backoffDelayMs', () => {
  it('doubles the ceiling with each retry, up to maxDelayMs', () => {
    const top = () => 0.999_999_9;
    expect([1, 2, 3, 4, 5, 6].map((retry) => backoffDelayMs(retry, bounds, top))).toEqual([99, 199, 399, 799, 999, 999]);
  });

  it('draws each delay between 0 and its ceiling', () => {
    expect(backoffDelayMs(3, bounds, () => 0)).toBe(0);
    expect(backoffDelayMs(3, bounds, () => 0.5)).toBe(200);
    for (let i = 0; i < 100; i++) {
      const delay = backoffDelayMs(3, bounds);
      expect(delay).toBeGreaterThanOrEqual(0);
      expect(delay).toBeLessThan(400);
    }
  });
});
