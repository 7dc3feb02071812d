import type { Context } from 'hono';
import { validationDetail, type ErrorMapper, type MappedError } from '@repo/hono-openapi';
import type { ClientErrorReason, ClientErrorResponse } from '@repo/http';
import { publicRoot } from '@repo/service-shell';
import type { components } from '@repo/specs/camunda';

/** The error body of every Camunda error (RFC 9457), as the spec declares it. */
export type ProblemDetail = components['schemas']['ProblemDetail'];

/** The media type of every error this API answers. */
export const PROBLEM_JSON = 'application/problem+json';

/**
 * Every error this server can answer, as the `title` Camunda puts in its problem details, with its
 * HTTP status. A code used anywhere must be here, and a code here without a status does not compile.
 */
export type ProblemCode =
  | 'INVALID_ARGUMENT'
  | 'UNAUTHORIZED'
  | 'FORBIDDEN'
  | 'NOT_FOUND'
  | 'METHOD_NOT_ALLOWED'
  | 'ALREADY_EXISTS'
  | 'PAYLOAD_TOO_LARGE'
  | 'UNSUPPORTED_MEDIA_TYPE'
  | 'TOO_MANY_REQUESTS'
  | 'INTERNAL'
  | 'NOT_IMPLEMENTED'
  | 'UNAVAILABLE';

export const PROBLEM_STATUS = {
  INVALID_ARGUMENT: 400,
  UNAUTHORIZED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  METHOD_NOT_ALLOWED: 405,
  ALREADY_EXISTS: 409,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  TOO_MANY_REQUESTS: 429,
  INTERNAL: 500,
  NOT_IMPLEMENTED: 501,
  UNAVAILABLE: 503,
} as const satisfies Record<ProblemCode, number>;

/** A problem response as a handler returns it: status and content type typed exactly. */
export interface ProblemResponse<C extends ProblemCode> {
  status: (typeof PROBLEM_STATUS)[C];
  contentType: typeof PROBLEM_JSON;
  body: ProblemDetail & { type: string; title: C; status: number; detail: string; instance: string };
}

/**
 * The problem response for `code`. `instance` is the absolute URI of the request (the spec says
 * `format: uri`), from the public origin ({@link PUBLIC_BASE_URL_VARIABLE}). `detail` must never
 * contain a password: callers name fields, not values.
 */
export function problem<C extends ProblemCode>(c: Context, code: C, detail: string): ProblemResponse<C> {
  const status = PROBLEM_STATUS[code];
  return {
    status,
    contentType: PROBLEM_JSON,
    body: { ...problemDetail(code, detail), instance: requestUri(c) },
  };
}

/** The members every problem of `code` has; `instance` is added where a request URI is known. */
function problemDetail<C extends ProblemCode>(code: C, detail: string) {
  return { type: 'about:blank', title: code, status: PROBLEM_STATUS[code], detail };
}

/**
 * The answer to a request Node's HTTP parser refused before any app code ran (@repo/http's
 * `clientErrorResponse`): 400 INVALID_ARGUMENT, also for headers over the size limit (Node's
 * 431), since 400 is what the spec declares. No `instance`: the request URI is not trustworthy,
 * and the spec makes every member optional.
 */
export function refusedRequestProblem(reason: ClientErrorReason): ClientErrorResponse {
  const detail = reason === 'headersTooLarge' ? 'The request headers are too large.' : 'The request is not valid HTTP (e.g. an invalid byte in a header).';
  return { status: PROBLEM_STATUS.INVALID_ARGUMENT, contentType: PROBLEM_JSON, body: problemDetail('INVALID_ARGUMENT', detail) satisfies ProblemDetail };
}

/**
 * The request URI without its query string (which nothing of ours needs to echo): the public
 * origin, never the client's Host as sent (the service shell's `publicRoot`), and the path as sent,
 * made a valid RFC 3986 path whatever it held.
 */
export function requestUri(c: Context): string {
  return `${publicRoot(c)}${uriPath(new URL(c.req.url).pathname)}`;
}

/**
 * A URL path as a valid URI path (ajv-formats `uri`): a `%` that does not start an escape becomes
 * `%25` (`/users/%E0%A4%A` → `/users/%E0%A4%25A`), and anything outside RFC 3986's `pchar` and `/`
 * is escaped. The WHATWG parser already escapes spaces and non-ASCII, but keeps `%`, `[`, `|`, `^`.
 */
export function uriPath(path: string): string {
  return path.replace(/%(?![0-9A-Fa-f]{2})|[^A-Za-z0-9\-._~!$&'()*+,;=:@/%]/g, (ch) =>
    ch === '%' ? '%25' : `%${ch.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`,
  );
}

/** Turns every failure the runtime detects into this API's problem details. */
export const camundaErrors: ErrorMapper = (failure, c): MappedError => {
  switch (failure.kind) {
    case 'notFound':
      return problem(c, 'NOT_FOUND', `No endpoint ${failure.method} ${failure.path}.`);
    case 'methodNotAllowed':
      return problem(c, 'METHOD_NOT_ALLOWED', `Request method '${failure.method}' is not supported; use ${failure.allow.join(', ')}.`);
    case 'unsupportedMediaType':
      return problem(
        c,
        'UNSUPPORTED_MEDIA_TYPE',
        `Content-Type '${failure.contentType ?? '(none)'}' is not supported; use ${failure.supported.join(' or ')}.`,
      );
    case 'payloadTooLarge':
      return problem(c, 'PAYLOAD_TOO_LARGE', `The request body exceeds ${failure.limit} bytes.`);
    case 'malformedJson':
      return problem(c, 'INVALID_ARGUMENT', failure.reason === 'encoding' ? 'The request body is not valid UTF-8.' : 'The request body is not valid JSON.');
    case 'validation':
      return problem(c, 'INVALID_ARGUMENT', validationDetail(failure));
    case 'unauthorized':
      return problem(
        c,
        'UNAUTHORIZED',
        failure.reason === 'missingCredentials' ? 'Full authentication is required to access this resource.' : 'Bad credentials.',
      );
    case 'forbidden':
      return problem(c, 'FORBIDDEN', forbiddenDetail(failure.required));
    case 'notImplemented':
      return problem(c, 'NOT_IMPLEMENTED', `${failure.operationId ?? failure.path} is not implemented.`);
    // `UNAVAILABLE` as Camunda's gateway names a broker it cannot reach; the runtime adds Retry-After.
    case 'unavailable':
      return problem(c, 'UNAVAILABLE', `The service is temporarily unavailable; retry after ${failure.retryAfterSeconds} seconds.`);
    case 'tooManyRequests':
      return problem(c, 'TOO_MANY_REQUESTS', `Too many failed sign-ins; retry after ${failure.retryAfterSeconds} seconds.`);
    case 'internal':
      return problem(c, 'INTERNAL', `An unexpected error occurred while processing the request. Request id: ${failure.requestId}.`);
  }
};

/**
 * Camunda's 403 detail for the permission the operation lists in `x-permissions`
 * (`USER:CREATE` → operation 'CREATE' on resource 'USER'), word for word as Camunda prints it.
 */
function forbiddenDetail(required: readonly string[]): string {
  const [resource, operation] = (required[0] ?? '').split(':');
  if (resource === undefined || resource === '' || operation === undefined) return 'Insufficient permissions to perform this operation.';
  return `Insufficient permissions to perform operation '${operation}' on resource '${resource}'.`;
}
