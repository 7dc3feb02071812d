/**
 * One target's generated run and its coverage, shared by the test suite and `npm run fuzz`:
 * `runFuzz` with a HAR recording, then (servers) the replays that reach 500 and 403 and the
 * coverage matrix over all the HARs, or (mocks) the matrix of named examples.
 */
import { join } from 'node:path';
import { formatReport, FuzzAbortedError, runFuzz, type FuzzCredentials, type FuzzOptions, type FuzzReport, type FuzzTarget } from '@repo/contract-fuzz';
import {
  coverageMatrix,
  coverageProblems,
  documentedStatuses,
  driftCoverage,
  exampleProblems,
  formatCoverageMatrix,
  formatExampleMatrix,
  loadCoverageExceptions,
  type CoverageMatrix,
  type ExampleRow,
} from '@repo/contract-fuzz/coverage';
import { repoRoot } from '../support/apis.ts';
import type { StoreLocation } from '../support/break-store.ts';
import type { FuzzApi } from './fuzz-apis.ts';
import { probeExamples } from './mock-examples.ts';
import { formatReplay, type ReplayOutcome } from './replay.ts';
import { replayWithOversizedBody } from './oversized-body.ts';
import { replayAsPlainText } from './unsupported-media-type.ts';
import { replayRepeated } from './repeated-request.ts';
import { replayUnderStoreFault } from './store-fault.ts';
import { replayAsUnprivileged } from './unprivileged-caller.ts';

/** The one exceptions file: documented pairs no generated request can reach, with the reason. */
export const EXCEPTIONS_FILE = join(repoRoot, 'tests', 'fuzz', 'coverage-exceptions.yaml');

/** Where and how to fuzz. */
export interface FuzzRunOptions {
  readonly api: FuzzApi;
  /** Printed name, e.g. `camunda (postgres)`. */
  readonly name: string;
  readonly kind: 'server' | 'mock';
  /** The API root, base path included. */
  readonly baseUrl: string;
  readonly credentials?: FuzzCredentials | undefined;
  readonly requests: number;
  readonly seed: number;
  /** Where the exchanges are recorded (HAR 1.2). */
  readonly harFile: string;
  readonly log?: ((line: string) => void) | undefined;
}

/** A finished run. */
export interface FuzzRun {
  readonly options: FuzzRunOptions;
  readonly report: FuzzReport;
  /** The engine's formatted report. */
  readonly text: string;
  /** One line per distinct failure, for assertions: `check operationId → status: message`. */
  readonly failures: readonly string[];
}

/** Runs the fuzzer against one target. */
export async function fuzzTarget(options: FuzzRunOptions): Promise<FuzzRun> {
  const { api, baseUrl, credentials } = options;
  const target: FuzzTarget = {
    name: options.name,
    spec: api.spec,
    baseUrl,
    credentials,
    kind: options.kind,
    disposableCaller: disposableCallers(api, baseUrl, credentials),
  };
  const fuzzOptions: FuzzOptions = {
    seed: options.seed,
    requests: options.requests,
    harFile: options.harFile,
    log: options.log,
    acceptableRejections: options.api.acceptableRejections,
  };
  let report: FuzzReport;
  try {
    report = await runFuzz(target, fuzzOptions);
  } catch (error) {
    // A run that stopped (locked out, target gone) still says what it saw before it stopped.
    if (error instanceof FuzzAbortedError) throw new Error(`${options.name}: ${error.message}\n${formatReport(error.report)}`, { cause: error });
    throw error;
  }
  return {
    options,
    report,
    text: formatReport(report),
    failures: report.failures.map((failure) => `${failure.check} ${failure.operationId} → ${failure.response.status}: ${failure.message}`),
  };
}

/** `FuzzTarget.disposableCaller` of the API, when it knows how to make one and has an admin. */
function disposableCallers(api: FuzzApi, baseUrl: string, admin: FuzzCredentials | undefined): (() => Promise<FuzzCredentials>) | undefined {
  const create = api.createDisposableCaller;
  return create === undefined || admin === undefined ? undefined : () => create(baseUrl, admin);
}

/** A server's coverage: the matrix, the replays that reach 500 and 403, and what fails. */
export interface ServerCoverage {
  readonly matrix: CoverageMatrix;
  readonly text: string;
  readonly problems: readonly string[];
}

/**
 * Coverage of a server run. With `store` (a server this run started) the documented 500s are
 * reached by breaking its store; without (someone's staging server) they are excused for this run.
 * With the authorised caller's credentials, the 403s are reached by a caller without privileges.
 */
export async function serverCoverage(run: FuzzRun, store?: StoreLocation): Promise<ServerCoverage> {
  const { api, harFile, baseUrl, name, credentials } = run.options;
  const hars = [harFile];
  const sections: string[] = [];
  const problems: string[] = [];
  const runExcuses: { status: number; reason: string }[] = [];
  // The operations that act on the caller are replayed as a caller of their own, as they were sent.
  const disposableCaller = disposableCallers(api, baseUrl, credentials);
  // The engine's counts plus the replays', for the responses column.
  const counts = new Map([...run.report.statuses].map(([operationId, byStatus]) => [operationId, new Map(byStatus)]));
  const record = (title: string, outcomes: readonly ReplayOutcome[], harOut: string) => {
    hars.push(harOut);
    for (const { operationId, status } of outcomes) {
      if (status === undefined) continue;
      const byStatus = counts.get(operationId) ?? new Map<number, number>();
      byStatus.set(status, (byStatus.get(status) ?? 0) + 1);
      counts.set(operationId, byStatus);
    }
    sections.push(formatReplay(title, outcomes));
    for (const outcome of outcomes) {
      if (outcome.problems.length > 0) problems.push(`${name}: ${title}: ${outcome.operationId}: ${outcome.problems.join('; ')}`);
    }
  };

  if (store === undefined) {
    runExcuses.push({ status: 500, reason: 'needs a storage fault; only a server this run started can have its store broken' });
  } else {
    const harOut = harFile.replace(/(\.har)?$/i, '.store-fault.har');
    const outcomes = await replayUnderStoreFault({ spec: api.spec, location: store, har: harFile, harOut, disposableCaller });
    record('storage fault (one recorded request per operation replayed with the store broken)', outcomes, harOut);
  }
  if (api.createUnprivilegedCaller === undefined || credentials === undefined) {
    runExcuses.push({ status: 403, reason: 'needs a caller without privileges: the suite knows how to make one only for camunda and onezone, with credentials' });
  } else {
    const caller = await api.createUnprivilegedCaller(baseUrl, credentials);
    const harOut = harFile.replace(/(\.har)?$/i, '.unprivileged.har');
    const outcomes = await replayAsUnprivileged({ spec: api.spec, caller, har: harFile, harOut, disposableCaller });
    record(`caller without privileges (${caller.username}; one recorded request per operation replayed)`, outcomes, harOut);
  }

  {
    const harOut = harFile.replace(/(\.har)?$/i, '.oversized.har');
    const outcomes = await replayWithOversizedBody({ spec: api.spec, har: harFile, harOut, disposableCaller });
    record('oversized body (one recorded request per operation replayed with its body padded past 1 MiB)', outcomes, harOut);
  }

  {
    const harOut = harFile.replace(/(\.har)?$/i, '.plain-text.har');
    const outcomes = await replayAsPlainText({ spec: api.spec, har: harFile, harOut, disposableCaller });
    record('unsupported media type (one recorded request per operation documenting 415 replayed as text/plain)', outcomes, harOut);
  }

  {
    const harOut = harFile.replace(/(\.har)?$/i, '.repeated.har');
    const outcomes = await replayRepeated({ spec: api.spec, har: harFile, harOut, disposableCaller });
    record('repeated request (one recorded request per operation documenting 409, sent twice more unchanged)', outcomes, harOut);
  }

  const drift = await driftCoverage({ har: hars, spec: api.specFile, server: baseUrl });
  const matrix = coverageMatrix({
    target: name,
    api: api.name,
    documented: documentedStatuses(api.spec),
    reached: drift.reached,
    exceptions: await loadCoverageExceptions(EXCEPTIONS_FILE),
    runExcuses,
    counts,
  });
  sections.push(formatCoverageMatrix(matrix), `(redocly drift matched ${drift.exchanges.matched} of ${drift.exchanges.total} recorded exchanges)`);
  return { matrix, text: sections.join('\n\n'), problems: [...problems, ...coverageProblems(matrix)] };
}

/** A mock's examples: each named example asked for and compared. */
export async function mockExampleCoverage(api: FuzzApi, name: string, baseUrl: string, credentials: FuzzCredentials) {
  const rows: ExampleRow[] = await probeExamples(api.spec, baseUrl, credentials);
  return { rows, text: formatExampleMatrix(name, rows), problems: exampleProblems(name, rows) };
}
