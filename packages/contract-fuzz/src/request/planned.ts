/** A request ready to send, with what the spec says its answer must be. */
import type { GeneratedRequest } from '../types.ts';
import type { RequestValues } from './build.ts';

/**
 * What the spec (and our policy) expects of the answer:
 * - `valid`: valid data from the authorised caller (never 400: positive_data_acceptance);
 * - `invalid`: violates the spec, the JSON or the wire contract (never 2xx: negative_data_rejection);
 * - `lenient`: neither is certain (duplicate keys, odd Host): only the response checks apply;
 * - `unauthenticated`: missing or wrong credentials (401: ignored_auth);
 * - `unauthenticated-or-bad`: credentials that are malformed beyond repair (NUL in the username): 400 or 401;
 * - `unsupported-method`: a method the path does not declare (405: unsupported_method).
 */
export type Expectation = 'valid' | 'invalid' | 'lenient' | 'unauthenticated' | 'unauthenticated-or-bad' | 'unsupported-method';

export interface Planned {
  readonly generated: GeneratedRequest;
  readonly expectation: Expectation;
  /** The values before serialisation (what links' `$request.*` expressions read). */
  readonly values: RequestValues;
  /** An odd Host value sent, to look for in the response (host_header_not_reflected). */
  readonly oddHost?: string | undefined;
  /** Sent with the authorised caller's credentials. */
  readonly authorised: boolean;
}
