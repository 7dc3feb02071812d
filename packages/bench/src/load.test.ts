import { describe, expect, it } from 'vitest';
import { bestOf, roundRatios, type Measurement } from './load.ts';

const round = (rps: number, p99Ms: number, cpuUsPerRequest: number, statuses: string, failed = 0): Measurement => ({
  rps,
  p99Ms,
  cpuUsPerRequest,
  requests: 100,
  failed,
  statuses,
});

describe('bestOf', () => {
  it('keeps each figure’s best round and sums the failures', () => {
    expect(bestOf([round(900, 12, 40, '200'), round(1000, 15, 42, '200', 2), round(950, 11, Number.NaN, '200/500')])).toEqual({
      rps: 1000,
      p99Ms: 11,
      cpuUsPerRequest: 40,
      requests: 300,
      failed: 2,
      statuses: '200/500',
    });
  });

  it('has no CPU figure when no round had one', () => {
    expect(bestOf([round(0, 0, Number.NaN, '')]).cpuUsPerRequest).toBeNaN();
  });
});

describe('roundRatios', () => {
  const withRounds = (...rps: number[]): Measurement => ({ ...bestOf(rps.map((r) => round(r, 1, 10, '200'))), rounds: rps.map((r) => round(r, 1, 10, '200')) });

  it('pairs the rounds of each turn, not the best of each', () => {
    expect(roundRatios(withRounds(900, 1000), withRounds(1000, 800))).toEqual([0.9, 1.25]);
  });

  it('has no pairs when either side lacks rounds or their counts differ', () => {
    expect(roundRatios(withRounds(900), round(1000, 1, 10, '200'))).toEqual([]);
    expect(roundRatios(withRounds(900, 950), withRounds(1000))).toEqual([]);
    expect(roundRatios(undefined, withRounds(1000))).toEqual([]);
  });
});
