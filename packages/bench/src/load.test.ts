import { describe, expect, it } from 'vitest';
import { bestOf, compareInRounds, roundRatios, type LoadCase, type Measurement } from './load.ts';
import type { RunningServer } from './server-process.ts';

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

describe('compareInRounds', () => {
  const load: LoadCase = { method: 'GET', url: 'http://127.0.0.1:1/', headers: {} };
  const shape = { seconds: 1, rounds: 4, warmUpSeconds: 0.5, connections: 1 };
  const contender = <K extends string>(key: K, pid: number) => ({ key, server: { pid } as RunningServer, load });

  it('runs every other turn in reverse order, warms up only in the first, and keeps each one’s rounds in order', async () => {
    const ran: string[] = [];
    const rps = { a: 100, b: 200, c: 300 } as Record<string, number>;
    const byPid = ['a', 'b', 'c'];
    const result = await compareInRounds([contender('a', 0), contender('b', 1), contender('c', 2)], shape, async (server, _load, roundShape) => {
      const key = byPid[server.pid]!;
      ran.push(`${key}${roundShape.warmUpSeconds > 0 ? '+warm' : ''}`);
      return round(rps[key]! + ran.length, 1, 10, '200');
    });
    expect(ran).toEqual(['a+warm', 'b+warm', 'c+warm', 'c', 'b', 'a', 'a', 'b', 'c', 'c', 'b', 'a']);
    expect(result.a.rounds?.map((r) => r.rps)).toEqual([101, 106, 107, 112]);
    expect(result.c.rounds?.map((r) => r.rps)).toEqual([303, 304, 309, 310]);
    expect(result.b.rps).toBe(211);
  });
});
