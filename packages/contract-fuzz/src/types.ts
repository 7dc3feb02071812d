/**
 * The public shapes of the fuzzer: what it is pointed at, what it is told, what it reports. The
 * engine (generation, checks, runner) and its users (the contract tests, `npm run fuzz`, coverage)
 * meet here.
 */

/** Credentials of a caller the spec's security schemes accept. */
export interface FuzzCredentials {
  readonly username: string;
  readonly password: string;
}

/** Where the fuzzer sends requests and what it may assume of the target. */
export interface FuzzTarget {
  /** Name printed in reports, e.g. `camunda (postgres)`. */
  readonly name: string;
  /** A bundled OpenAPI 3.1 document (every `$ref` local, `#/components/...`). */
  readonly spec: Record<string, unknown>;
  /** The API root, base path included: `http://127.0.0.1:8080/v2`. */
  readonly baseUrl: string;
  /** An authorised caller (one that holds every privilege the spec names). */
  readonly credentials?: FuzzCredentials | undefined;
  /**
   * `server` keeps state (stateful checks run); `mock` is a stateless mock (Prism): checks that need
   * state say "not applicable" with that reason.
   */
  readonly kind: 'server' | 'mock';
}

/** Names of the checks, as Schemathesis names them (plus ours, documented where defined). */
export type CheckName =
  | 'not_a_server_error'
  | 'status_code_conformance'
  | 'content_type_conformance'
  | 'response_headers_conformance'
  | 'response_schema_conformance'
  | 'negative_data_rejection'
  | 'positive_data_acceptance'
  | 'ignored_auth'
  | 'unsupported_method'
  | 'use_after_free'
  | 'ensure_resource_availability'
  | 'host_header_not_reflected';

/** How a request was made: valid for the spec, violating one keyword, or mutated on the wire. */
export type RequestClass = 'positive' | 'negative' | 'transport' | 'auth' | 'method' | 'stateful';

/** One request exactly as sent: bytes, not a parsed model, so a failure replays byte for byte. */
export interface RawRequest {
  readonly method: string;
  /** Full URL as sent (path not re-normalised: broken percent-encoding stays broken). */
  readonly url: string;
  /** Header name → value, in sending order (a `host` entry overrides the URL's host). */
  readonly headers: ReadonlyArray<readonly [string, string]>;
  /** The body bytes; undefined for none. */
  readonly body?: Uint8Array | undefined;
}

/** A response as received. */
export interface RawResponse {
  readonly status: number;
  readonly headers: Readonly<Record<string, string>>;
  /** The body as text ('' for none). */
  readonly text: string;
  readonly durationMs: number;
}

/** A request the generator made, with what it knows about it. */
export interface GeneratedRequest {
  readonly operationId: string;
  readonly class: RequestClass;
  /** One line: what was generated or mutated, e.g. `negative: /username violates maxLength`. */
  readonly description: string;
  readonly request: RawRequest;
}

/** A check that did not hold, after shrinking. */
export interface FuzzFailure {
  readonly check: CheckName;
  readonly operationId: string;
  /** Why it failed, e.g. `500 for a negative request (must not be 2xx/5xx)`. */
  readonly message: string;
  readonly generated: GeneratedRequest;
  readonly response: RawResponse;
  /** A `curl` command that sends the same bytes. */
  readonly curl: string;
}

/** What one check did on one operation over the run. */
export interface CheckOutcome {
  readonly check: CheckName;
  readonly operationId: string;
  readonly status: 'passed' | 'failed' | 'not applicable';
  /** Number of responses it judged. */
  readonly evaluated: number;
  /** Why it does not apply, when it does not. */
  readonly reason?: string | undefined;
  /** positive_data_acceptance: 400s excused by `FuzzOptions.acceptableRejections`. */
  readonly excused?: number | undefined;
}

/** Options of one run. */
export interface FuzzOptions {
  /** Seed of the whole run; printed; random when absent. */
  readonly seed?: number | undefined;
  /** Total requests to send, shared across operations (shrinking counted separately). */
  readonly requests: number;
  /** Only these operationIds (default: every operation of the spec). */
  readonly operations?: readonly string[] | undefined;
  /** Write every exchange as HAR 1.2 to this file (for `redocly drift --coverage`). */
  readonly harFile?: string | undefined;
  /** Per-request timeout; default 10 s. */
  readonly timeoutMs?: number | undefined;
  /** Progress lines (default: none). */
  readonly log?: ((line: string) => void) | undefined;
  /**
   * 400s a valid request may get because of server state, not data (e.g. a taken username):
   * excused from positive_data_acceptance, and counted.
   */
  readonly acceptableRejections?: readonly AcceptableRejection[] | undefined;
  /** Requests concurrently in flight (default 4). */
  readonly concurrency?: number | undefined;
  /** Shrinking bounds per failure: requests (default 60) and time (default 15 s). */
  readonly maxShrinkRequests?: number | undefined;
  readonly maxShrinkMs?: number | undefined;
}

/**
 * A 400 that a positive request may get for a reason of state, not of data (e.g. Onezone's
 * `badValueIdentifierOccupied` for a taken username), recognised by a value in the response body.
 */
export interface AcceptableRejection {
  readonly operationId: string;
  readonly status: number;
  /** JSON pointer into the response body, e.g. `/error/details/key`. */
  readonly bodyPointer: string;
  readonly equals: unknown;
  readonly reason: string;
}

/** The outcome of a run. */
export interface FuzzReport {
  readonly target: string;
  readonly seed: number;
  /** Requests sent, shrinking included. */
  readonly requestsSent: number;
  /** operationId → status code → responses seen. */
  readonly statuses: ReadonlyMap<string, ReadonlyMap<number, number>>;
  readonly checks: readonly CheckOutcome[];
  /** Every distinct failure (by check, operation and status), each shrunk. */
  readonly failures: readonly FuzzFailure[];
}
