/**
 * Everything the runtime can refuse a request for, before or instead of calling a handler.
 * Each API turns these into its own error format with an {@link ErrorMapper}; the runtime never
 * writes an error body itself.
 */
import type { Context } from 'hono';
import type { ValidationIssue } from './issues.ts';

/** Where a validation failure was found. */
export type ValidationLocation = 'body' | 'path' | 'query' | 'header';

/** The spec's security scheme kinds the runtime can check. */
export type SecuritySchemeKind = 'basic' | 'bearer' | 'apiKey';

/**
 * Why the runtime refused a request. A discriminated union on `kind`: a mapper that switches on it
 * and returns in every branch is checked for exhaustiveness by the compiler.
 */
export type RuntimeFailure =
  /** No path of the spec matches the URL. */
  | { readonly kind: 'notFound'; readonly method: string; readonly path: string }
  /** The path exists, the method does not. `allow` is what goes into the `Allow` header. */
  | { readonly kind: 'methodNotAllowed'; readonly method: string; readonly allow: readonly string[] }
  /** The operation takes a body, but not in the media type the request sent. */
  | {
      readonly kind: 'unsupportedMediaType';
      readonly contentType: string | undefined;
      readonly supported: readonly string[];
    }
  /** The body (by Content-Length or by the bytes actually read) exceeds the limit. */
  | { readonly kind: 'payloadTooLarge'; readonly limit: number }
  /**
   * The body is not valid JSON: its bytes are not UTF-8 (`encoding`; JSON is UTF-8, RFC 8259), or
   * the text does not parse (`syntax`). Deliberately carries no parser message: V8's messages
   * quote the input, which may hold a password.
   */
  | { readonly kind: 'malformedJson'; readonly reason: 'encoding' | 'syntax' }
  /**
   * Input does not match the spec (`issues` names every offending field, Ajv `allErrors`), or a
   * string breaks the runtime's text hygiene (keyword `textHygiene` / `propertyNameHygiene`,
   * see text-hygiene.ts: U+0000, an unpaired surrogate, a percent-encoding that is not UTF-8).
   */
  | { readonly kind: 'validation'; readonly location: ValidationLocation; readonly issues: readonly ValidationIssue[] }
  /**
   * No security requirement of the operation was met. The runtime adds `challenges` as
   * `WWW-Authenticate` headers to whatever the mapper returns.
   */
  | {
      readonly kind: 'unauthorized';
      readonly reason: 'missingCredentials' | 'invalidCredentials';
      /** Every scheme the operation accepts. */
      readonly schemes: readonly string[];
      /** The scheme whose credentials were present but rejected (reason `invalidCredentials`). */
      readonly rejected?: { readonly scheme: string; readonly kind: SecuritySchemeKind };
      readonly challenges: readonly string[];
    }
  /**
   * The caller is authenticated but the app's `authorization.allows` refused it what the
   * operation's extension (`required`, as the spec lists it) demands. Decided before any input is
   * validated, so a caller without the privilege learns nothing about the operation's input rules.
   */
  | { readonly kind: 'forbidden'; readonly required: readonly string[]; readonly operationId: string | undefined }
  /** The spec declares the operation, but no handler was registered for it. */
  | { readonly kind: 'notImplemented'; readonly method: string; readonly path: string; readonly operationId: string | undefined }
  /**
   * Something the request needs (the database) cannot be reached right now; the client should retry.
   * Only produced for errors the app's `classifyError` recognises. The runtime adds `Retry-After`.
   */
  | { readonly kind: 'unavailable'; readonly retryAfterSeconds: number }
  /**
   * The client has failed to sign in too often and must wait (`classifyError` recognised the
   * verifier's error). The runtime adds `Retry-After`.
   */
  | { readonly kind: 'tooManyRequests'; readonly retryAfterSeconds: number }
  /** A handler, verifier or the runtime threw. The error itself is logged with `requestId`, never mapped. */
  | { readonly kind: 'internal'; readonly requestId: string };

/**
 * Turns an error a handler or verifier threw into a failure the API answers as such (503, 429)
 * instead of `internal`; undefined leaves it a bug (500, logged).
 */
export type ErrorClassifier = (error: unknown) => Extract<RuntimeFailure, { kind: 'unavailable' | 'tooManyRequests' }> | undefined;

/** All failure kinds, for exhaustive tests and tables. */
export type RuntimeFailureKind = RuntimeFailure['kind'];

/** What an API's error mapper returns: the runtime turns it into the HTTP response. */
export interface MappedError {
  readonly status: number;
  /** e.g. `application/problem+json`. */
  readonly contentType: string;
  /** Serialised with JSON.stringify unless already a string. */
  readonly body: unknown;
  readonly headers?: Readonly<Record<string, string>>;
}

/**
 * One per API: turns every {@link RuntimeFailure} into that API's error format. Runtime-owned
 * headers (`Allow`, `WWW-Authenticate`, `X-Request-Id`) are added afterwards.
 */
export type ErrorMapper = (failure: RuntimeFailure, c: Context) => MappedError;
