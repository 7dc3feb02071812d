/** Number and table formatting for the report (plain functions, unit-tested). */

/** An integer with a space between thousands (`59 952`), as the README writes them; `—` when not a number. */
export function formatInt(value: number): string {
  if (!Number.isFinite(value)) return '—';
  return Math.round(value)
    .toString()
    .replace(/\B(?=(\d{3})+(?!\d))/g, ' ');
}

/** `value` with `digits` decimals, `—` when not a number. */
export function formatFixed(value: number, digits: number): string {
  return Number.isFinite(value) ? value.toFixed(digits) : '—';
}

/** `candidate / baseline` as `0.76×`; `—` when either is missing or the baseline is 0. */
export function formatRatio(candidate: number, baseline: number): string {
  const ratio = candidate / baseline;
  return Number.isFinite(ratio) && ratio > 0 ? `${ratio.toFixed(2)}×` : '—';
}

/**
 * A ratio held against a target, with two decimals, or as many more (up to four) as it takes for
 * the figure to fall on the same side of the target as the ratio: 0.8996 against 0.9 prints
 * `0.8996`, where `0.90` beside "not met" would read as a contradiction.
 */
export function ratioAgainst(ratio: number, target: number): string {
  let digits = 2;
  while (digits < 4 && Number(ratio.toFixed(digits)) >= target !== ratio >= target) digits += 1;
  return ratio.toFixed(digits);
}

/** A ratio with the least it should be: `0.97× (target ≥ 0.95×: met)`. */
export function withTarget(ratio: number, target: number, unit = '×'): string {
  if (!Number.isFinite(ratio)) return `— (target ≥ ${target}${unit})`;
  return `${ratioAgainst(ratio, target)}${unit} (target ≥ ${target}${unit}: ${ratio >= target ? 'met' : 'not met'})`;
}

/** Bytes as MiB with one decimal. */
export function formatMiB(bytes: number): string {
  return formatFixed(bytes / 1024 / 1024, 1);
}

/** The geometric mean (of ratios); NaN for none. */
export function geometricMean(values: readonly number[]): number {
  if (values.length === 0) return Number.NaN;
  return Math.exp(values.reduce((sum, value) => sum + Math.log(value), 0) / values.length);
}

/** A GitHub-flavoured Markdown table; `|` in a cell is escaped. Every row must have the header's width. */
export function markdownTable(header: readonly string[], rows: readonly (readonly string[])[]): string {
  for (const row of rows) {
    if (row.length !== header.length) throw new Error(`table row has ${row.length} cells, the header ${header.length}: ${row.join(' | ')}`);
  }
  const line = (cells: readonly string[]) => `| ${cells.map((cell) => cell.replace(/\|/g, '\\|')).join(' | ')} |`;
  return [line(header), `|${header.map(() => '---').join('|')}|`, ...rows.map(line)].join('\n');
}
