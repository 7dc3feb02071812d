import { describe, expect, it } from 'vitest';
import { callgrindTotal } from './instructions.ts';

describe('callgrindTotal', () => {
  it('reads the instruction total of a dump, from its summary or totals line', () => {
    expect(callgrindTotal('version: 1\ncreator: callgrind-3.19.0\nevents: Ir\nsummary: 690809314\n\nfl=(1)\n')).toBe(690809314);
    expect(callgrindTotal('events: Ir Dr\nfn=(1) main\n16 3 1\ntotals: 1234 56\n')).toBe(1234);
  });

  it('refuses a dump without one', () => {
    expect(() => callgrindTotal('events: Ir\nfn=(1) main\n')).toThrow(/summary or totals/);
  });
});
