import { describe, expect, it } from 'vitest';
import { formatFixed, formatInt, formatMiB, formatRatio, geometricMean, markdownTable, ratioAgainst, withTarget } from './format.ts';

describe('number formatting', () => {
  it('groups thousands with a space and rounds', () => {
    expect(formatInt(59951.6)).toBe('59 952');
    expect(formatInt(1234567)).toBe('1 234 567');
    expect(formatInt(999)).toBe('999');
    expect(formatInt(Number.NaN)).toBe('—');
  });

  it('writes fixed decimals, a dash for no value', () => {
    expect(formatFixed(18.34, 1)).toBe('18.3');
    expect(formatFixed(Number.POSITIVE_INFINITY, 1)).toBe('—');
  });

  it('writes bytes as MiB', () => {
    expect(formatMiB(100 * 1024 * 1024 + 512 * 1024)).toBe('100.5');
  });
});

describe('ratios', () => {
  it('divides the candidate by the baseline', () => {
    expect(formatRatio(45840, 59952)).toBe('0.76×');
    expect(formatRatio(23741, 2072)).toBe('11.46×');
  });

  it('has no ratio against a missing or zero baseline', () => {
    expect(formatRatio(10, 0)).toBe('—');
    expect(formatRatio(10, Number.NaN)).toBe('—');
    expect(formatRatio(0, 10)).toBe('—');
  });

  it('says whether a target is met', () => {
    expect(withTarget(0.97, 0.95)).toBe('0.97× (target ≥ 0.95×: met)');
    expect(withTarget(0.94, 0.95)).toBe('0.94× (target ≥ 0.95×: not met)');
    expect(withTarget(Number.NaN, 0.5)).toBe('— (target ≥ 0.5×)');
  });

  it('never prints a ratio that rounds onto the other side of its target', () => {
    expect(withTarget(0.949, 0.95)).toBe('0.949× (target ≥ 0.95×: not met)');
    expect(withTarget(0.8996, 0.9)).toBe('0.8996× (target ≥ 0.9×: not met)');
    expect(withTarget(0.95, 0.95)).toBe('0.95× (target ≥ 0.95×: met)');
    expect(ratioAgainst(0.8999, 0.9)).toBe('0.8999');
    expect(ratioAgainst(1.2345, 0.5)).toBe('1.23');
    expect(withTarget(Number.NaN, 0.5)).toBe('— (target ≥ 0.5×)');
  });

  it('takes the geometric mean of ratios', () => {
    expect(geometricMean([4, 16])).toBeCloseTo(8);
    expect(geometricMean([])).toBeNaN();
  });
});

describe('markdownTable', () => {
  it('renders a header, a separator and the rows, escaping pipes', () => {
    expect(markdownTable(['peer', 'req/s'], [['bare Hono', '59 952'], ['a|b', '1']])).toBe(
      ['| peer | req/s |', '|---|---|', '| bare Hono | 59 952 |', '| a\\|b | 1 |'].join('\n'),
    );
  });

  it('refuses a row of the wrong width', () => {
    expect(() => markdownTable(['a', 'b'], [['1']])).toThrow(/1 cells, the header 2/);
  });
});
