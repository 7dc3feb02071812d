/**
 * The matrix of a mock's named examples: each one asked for (`Prefer: code=<status>,
 * example=<name>`) and whether the mock served it as written.
 */

/** One named example (or body-less response) and what the mock answered for it. */
export interface ExampleRow {
  readonly operationId: string;
  readonly status: number;
  /** The example's name; undefined for a response without a body example. */
  readonly example: string | undefined;
  /** `served`: the documented status, media type, body and header examples; else what differed. */
  readonly outcome: 'served' | 'WRONG';
  readonly detail?: string | undefined;
}

/** Why the rows fail, one line each; empty when the mock serves every example. */
export function exampleProblems(target: string, rows: readonly ExampleRow[]): string[] {
  return rows
    .filter((row) => row.outcome === 'WRONG')
    .map((row) => `${target}: ${row.operationId} ${row.status} ${row.example ?? '(no body)'}: ${row.detail ?? 'not served as documented'}`);
}

/** The rows as a text table with a summary line. */
export function formatExampleMatrix(target: string, rows: readonly ExampleRow[]): string {
  const served = rows.filter((row) => row.outcome === 'served').length;
  const header = ['operation', 'status', 'example', 'mock'];
  const cells = rows.map((row) => [
    row.operationId,
    String(row.status),
    row.example ?? '(no body)',
    row.detail === undefined ? row.outcome : `${row.outcome}: ${row.detail}`,
  ]);
  const widths = header.map((title, column) => Math.max(title.length, ...cells.map((cell) => cell[column]!.length)));
  const line = (cell: string[]) => cell.map((text, column) => (column === cell.length - 1 ? text : text.padEnd(widths[column]!))).join('  ');
  return [`Examples served by ${target}: ${served} of ${rows.length}`, line(header), ...cells.map(line)].join('\n');
}
