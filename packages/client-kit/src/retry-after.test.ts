import { describe, expect, it } from 'vitest';
import { retryAfterMs } from './retry-after.ts';

const NOW = Date.UTC(2026, 10, 27, 12, 0, 0);

describe('retryAfterMs', () => {
  it.each([
    ['0', 0],
    ['2', 2_000],
    [' 120 ', 120_000],
  ])('reads delay-seconds %j', (value, ms) => {
    expect(retryAfterMs(value, NOW)).toBe(ms);
  });

  it('reads an IMF-fixdate as the time from now', () => {
    expect(retryAfterMs('Fri, 27 Nov 2026 12:00:30 GMT', NOW)).toBe(30_000);
  });

  it('reads a date in the past as 0', () => {
    expect(retryAfterMs('Fri, 27 Nov 2026 11:00:00 GMT', NOW)).toBe(0);
  });

  it.each([null, undefined, '', 'soon', '1.5', '-1', '2026-11-27T12:00:30Z', 'Fri, 99 Nov 2026 99:00:00 GMT'])(
    'gives undefined for %j',
    (value) => {
      expect(retryAfterMs(value, NOW)).toBeUndefined();
    },
  );
});
