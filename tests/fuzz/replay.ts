/**
 * Replays recorded requests under other conditions, to reach the documented statuses a generator
 * alone cannot (a storage fault, a caller without privileges): for each operation asked for, the
 * first request of the recording that got a 2xx (else a 404: valid, from the authorised caller) is
 * sent again, changed only as the condition says. Every answer is checked against the spec and recorded as
 * HAR, which coverage reads beside the fuzzer's own recording.
 */
import type { FuzzCredentials } from '@repo/contract-fuzz';
import type { DocumentedOperation } from '@repo/contract-fuzz/coverage';
import { specChecker } from '@repo/test-kit';
import { basicAuth } from './fuzz-apis.ts';
import { harEntry, readHarEntries, type HarEntry } from './har.ts';

/** What one replayed request got. */
export interface ReplayResult {
  readonly operationId: string;
  /** The status answered; undefined when the recording has no request of the operation to replay. */
  readonly status: number | undefined;
  /** How the answer breaks the spec (or why nothing was replayed); empty when it conforms. */
  readonly violations: readonly string[];
  /** The response body, for messages. */
  readonly text: string;
}

// Set by fetch itself, or meaningless on a new connection.
const NOT_REPLAYED = new Set(['host', 'content-length', 'connection', 'transfer-encoding', 'keep-alive']);

/** The headers that carry credentials in our specs' security schemes. */
export const CREDENTIAL_HEADERS = new Set(['authorization', 'x-auth-token']);

/** Options of {@link replayOnePerOperation}. */
export interface ReplayOptions {
  readonly spec: Record<string, unknown>;
  /** The fuzzer's recording. */
  readonly har: string;
  readonly operations: readonly DocumentedOperation[];
  /** Rewrites the request headers (e.g. other credentials); default: as recorded. */
  readonly headers?: ((headers: [string, string][]) => [string, string][]) | undefined;
  /** Rewrites the request body (undefined: none); default: as recorded. */
  readonly body?: ((body: string | undefined) => string | undefined) | undefined;
  /** Runs the sending inside a condition (e.g. a broken store); default: as is. */
  readonly around?: (<T>(send: () => Promise<T>) => Promise<T>) | undefined;
  /**
   * Makes a caller of its own for each operation the spec marks `x-acts-on-caller: true`: its
   * recorded caller may be renamed or gone, and replaying it as anyone else would spend them. Made
   * before `around` (a broken store cannot make users); its basic credentials replace the request's
   * after `headers`.
   */
  readonly disposableCaller?: (() => Promise<FuzzCredentials>) | undefined;
}

/** Whether the bundled spec marks the operation `x-acts-on-caller: true`. */
export function actsOnCaller(spec: Record<string, unknown>, operation: DocumentedOperation): boolean {
  const paths = spec['paths'] as Record<string, Record<string, Record<string, unknown> | undefined> | undefined> | undefined;
  return paths?.[operation.path]?.[operation.method.toLowerCase()]?.['x-acts-on-caller'] === true;
}

/** Replays one request per operation; returns the results and the exchanges as HAR entries. */
export async function replayOnePerOperation(options: ReplayOptions): Promise<{ results: ReplayResult[]; entries: HarEntry[] }> {
  const checker = specChecker(options.spec);
  const recorded = await readHarEntries(options.har);
  const matches = (entry: HarEntry, operation: DocumentedOperation) => {
    const matched = checker.match(entry.request.method, entry.request.url);
    // A body the recording cut (past 64 KiB) cannot be sent again as it was.
    return matched?.path === operation.path && matched.method.toUpperCase() === operation.method && entry.request.postData?.comment === undefined;
  };
  // A 2xx, else a 404: both passed validation and authentication, so only the condition replayed
  // decides the answer. (An operation on one resource, like an update, may never have found one.)
  // An operation replayed as a caller of its own may also take a 401: its recorded caller was
  // valid (or is replaced), so a 401 there is the caller's own state (Onezone's wrong
  // `oldPassword`), met only after validation and a store lookup.
  const picked = options.operations.map((operation) => ({
    operation,
    entry:
      recorded.find((entry) => matches(entry, operation) && entry.response.status >= 200 && entry.response.status < 300) ??
      recorded.find((entry) => matches(entry, operation) && entry.response.status === 404) ??
      (options.disposableCaller !== undefined && actsOnCaller(options.spec, operation)
        ? recorded.find((entry) => matches(entry, operation) && entry.response.status === 401)
        : undefined),
  }));
  const callers = new Map<string, FuzzCredentials>();
  for (const { operation, entry } of picked) {
    if (entry !== undefined && options.disposableCaller !== undefined && actsOnCaller(options.spec, operation)) callers.set(operation.operationId, await options.disposableCaller());
  }
  const entries: HarEntry[] = [];
  const send = async () => {
    const results: ReplayResult[] = [];
    for (const { operation, entry } of picked) {
      if (entry === undefined) {
        const violations = ['the run has no request of this operation that got a 2xx or a 404 (or, as a caller of its own, a 401) to replay'];
        results.push({ operationId: operation.operationId, status: undefined, violations, text: '' });
        continue;
      }
      const recordedHeaders = entry.request.headers
        .filter(({ name }) => !NOT_REPLAYED.has(name.toLowerCase()))
        .map(({ name, value }) => [name, value] as [string, string]);
      const rewritten = options.headers ? options.headers(recordedHeaders) : recordedHeaders;
      const caller = callers.get(operation.operationId);
      const headers: [string, string][] =
        caller === undefined ? rewritten : [...rewritten.filter(([name]) => !CREDENTIAL_HEADERS.has(name.toLowerCase())), ['authorization', basicAuth(caller)]];
      const { method, url } = entry.request;
      const body = options.body ? options.body(entry.request.postData?.text) : entry.request.postData?.text;
      const started = new Date();
      const response = await fetch(url, { method, headers, ...(body === undefined ? {} : { body }) });
      const text = await response.text();
      entries.push(harEntry(started, { method, url, headers, body }, { status: response.status, statusText: response.statusText, headers: response.headers, text }));
      const violations = checker.violations(method, url, { status: response.status, headers: response.headers, text });
      results.push({ operationId: operation.operationId, status: response.status, violations, text });
    }
    return results;
  };
  const results = options.around ? await options.around(send) : await send();
  return { results, entries };
}

/** The outcome of a replay: per operation, the status and what is wrong (empty when right). */
export interface ReplayOutcome {
  readonly operationId: string;
  readonly status: number | undefined;
  readonly problems: readonly string[];
}

/** The outcomes of a replay that must answer `status`: another status is a problem too. */
export function expectingStatus(results: readonly ReplayResult[], status: number): ReplayOutcome[] {
  return results.map((result) => ({
    operationId: result.operationId,
    status: result.status,
    problems:
      result.status === undefined || result.status === status
        ? result.violations
        : [`got ${result.status}, not ${status}: ${result.text.slice(0, 200)}`, ...result.violations],
  }));
}

/** The outcomes as lines under a title: `  createUser → 500 conforms`. */
export function formatReplay(title: string, outcomes: readonly ReplayOutcome[]): string {
  return [
    title,
    ...outcomes.map((outcome) => {
      const verdict = outcome.problems.length === 0 ? 'conforms' : `WRONG: ${outcome.problems.join('; ')}`;
      return `  ${outcome.operationId} → ${outcome.status ?? '-'} ${verdict}`;
    }),
  ].join('\n');
}
