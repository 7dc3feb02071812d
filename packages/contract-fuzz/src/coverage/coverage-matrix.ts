/**
 * The coverage matrix of one target: every documented (operation, status) pair, reached, excused
 * or MISSING, with the responses counted for it, plus the statuses seen that the spec does not
 * document. What fails the suite: a MISSING pair, a STALE exception (listed, yet reached) and an
 * exception that names no documented pair.
 */
import type { CoverageException } from './coverage-exceptions.ts';
import type { DocumentedOperation } from './documented-statuses.ts';
import type { ReachedStatuses } from './drift-coverage.ts';

/** How a pair came out. `undocumented`: seen but not declared (informational; `status_code_conformance` judges it). */
export type PairOutcome = 'reached' | 'excused' | 'MISSING' | 'STALE' | 'undocumented';

/** One (operation, status) row. */
export interface CoverageRow {
  readonly operationId: string;
  readonly method: string;
  readonly path: string;
  readonly status: number;
  /** Responses with this status in the run (from the report), when known. */
  readonly responses: number | undefined;
  readonly outcome: PairOutcome;
  /** The excuse, for `excused` and `STALE`. */
  readonly reason?: string | undefined;
}

/** The matrix of one target. */
export interface CoverageMatrix {
  readonly target: string;
  readonly rows: readonly CoverageRow[];
  /** Exceptions of this API that name a pair the spec does not document (a typo, or a removed status). */
  readonly unknownExceptions: readonly CoverageException[];
}

/** Inputs of {@link coverageMatrix}. */
export interface CoverageInputs {
  /** Printed name of the target, e.g. `camunda (postgres)`. */
  readonly target: string;
  /** The API name the exceptions file uses for this spec. */
  readonly api: string;
  readonly documented: readonly DocumentedOperation[];
  readonly reached: ReachedStatuses;
  /** The exceptions file (all APIs; filtered by `api`): a listed pair that is reached is STALE. */
  readonly exceptions: readonly CoverageException[];
  /**
   * Excuses that depend on how this run was made, not on the spec (e.g. a 500 when the fuzzer
   * cannot break a remote server's store): they excuse, but are never stale.
   */
  readonly runExcuses?: readonly { readonly status: number; readonly reason: string }[] | undefined;
  /** operationId → status → responses (a `FuzzReport`'s `statuses`), for the counts column. */
  readonly counts?: ReadonlyMap<string, ReadonlyMap<number, number>> | undefined;
}

/** Builds the matrix. */
export function coverageMatrix(inputs: CoverageInputs): CoverageMatrix {
  const exceptions = inputs.exceptions.filter((exception) => exception.api === inputs.api);
  const rows: CoverageRow[] = [];
  for (const operation of inputs.documented) {
    const reached = inputs.reached.get(operation.operationId) ?? new Set<number>();
    const counts = inputs.counts?.get(operation.operationId);
    const base = { operationId: operation.operationId, method: operation.method, path: operation.path };
    for (const status of operation.statuses) {
      const listed = exceptions.find((exception) => exception.operationId === operation.operationId && exception.status === status);
      const runExcuse = inputs.runExcuses?.find((excuse) => excuse.status === status);
      const hit = reached.has(status);
      const outcome: PairOutcome = hit ? (listed ? 'STALE' : 'reached') : listed || runExcuse ? 'excused' : 'MISSING';
      rows.push({ ...base, status, responses: counts?.get(status), outcome, reason: listed?.reason ?? (hit ? undefined : runExcuse?.reason) });
    }
    const undocumented = new Set([...reached, ...(counts?.keys() ?? [])].filter((status) => !operation.statuses.includes(status)));
    for (const status of [...undocumented].sort((a, b) => a - b)) {
      rows.push({ ...base, status, responses: counts?.get(status), outcome: 'undocumented' });
    }
  }
  const documentedPair = (exception: CoverageException) =>
    inputs.documented.some((operation) => operation.operationId === exception.operationId && operation.statuses.includes(exception.status));
  return { target: inputs.target, rows, unknownExceptions: exceptions.filter((exception) => !documentedPair(exception)) };
}

/** Why the matrix fails the suite, one line each; empty when it passes. */
export function coverageProblems(matrix: CoverageMatrix): string[] {
  return [
    ...matrix.rows
      .filter((row) => row.outcome === 'MISSING')
      .map((row) => `${matrix.target}: ${row.operationId} ${row.status} is documented but was not reached (reach it, or list it with its reason in the exceptions file)`),
    ...matrix.rows
      .filter((row) => row.outcome === 'STALE')
      .map((row) => `${matrix.target}: ${row.operationId} ${row.status} is listed as unreachable ("${row.reason}") but was reached: remove the exception`),
    ...matrix.unknownExceptions.map(
      (exception) => `${matrix.target}: the exception ${exception.api} ${exception.operationId} ${exception.status} names no documented (operation, status) pair`,
    ),
  ];
}

/** The matrix as a text table, one row per pair, with a summary line. */
export function formatCoverageMatrix(matrix: CoverageMatrix): string {
  const count = (outcome: PairOutcome) => matrix.rows.filter((row) => row.outcome === outcome).length;
  const documented = matrix.rows.filter((row) => row.outcome !== 'undocumented').length;
  const header = ['operation', 'status', 'responses', 'coverage'];
  const cells = matrix.rows.map((row) => [
    `${row.operationId} (${row.method} ${row.path})`,
    String(row.status),
    row.responses === undefined ? '-' : String(row.responses),
    row.reason === undefined ? row.outcome : `${row.outcome}: ${row.reason}`,
  ]);
  const widths = header.map((title, column) => Math.max(title.length, ...cells.map((cell) => cell[column]!.length)));
  const line = (cell: string[]) =>
    cell
      .map((text, column) => (column === cell.length - 1 ? text : text.padEnd(widths[column]!)))
      .join('  ')
      .trimEnd();
  const summary =
    `Coverage of ${matrix.target}: ${count('reached')} of ${documented} documented (operation, status) pairs reached, ` +
    `${count('excused')} excused, ${count('MISSING')} missing, ${count('STALE')} stale exceptions` +
    (count('undocumented') > 0 ? `; ${count('undocumented')} undocumented statuses seen` : '');
  // contract-fuzz counts its probes of undeclared methods (405) under the path's first operation.
  const notes = matrix.rows.some((row) => row.outcome === 'undocumented' && row.status === 405)
    ? ['  (405 undocumented: the unsupported-method probes of the path, judged by unsupported_method)']
    : [];
  const unknown = matrix.unknownExceptions.map((exception) => `  exception names no documented pair: ${exception.operationId} ${exception.status}`);
  return [summary, line(header), ...cells.map(line), ...notes, ...unknown].join('\n');
}
