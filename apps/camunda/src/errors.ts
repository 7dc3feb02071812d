import type { Context } from 'hono';
import { validationDetail, type ErrorMapper, type MappedError, type RuntimeFailure } from '@repo/hono-openapi';
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
  | 'INTERNAL'
  | 'NOT_IMPLEMENTED';

export const PROBLEM_STATUS = {
  INVALID_ARGUMENT: 400,
  UNAUTHORIZED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  METHOD_NOT_ALLOWED: 405,
  ALREADY_EXISTS: 409,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  INTERNAL: 500,
  NOT_IMPLEMENTED: 501,
} as const satisfies Record<ProblemCode, number>;

/** A problem response as a handler returns it: status and content type typed exactly. */
export interface ProblemResponse<C extends ProblemCode> {
  status: (typeof PROBLEM_STATUS)[C];
  contentType: typeof PROBLEM_JSON;
  body: ProblemDetail & { type: string; title: C; status: number; detail: string; instance: string };
}

/**
 * The problem response for `code`. `instance` is the absolute URI of the request (the spec says
 * `format: uri`). `detail` must never contain a password: callers name fields, not values.
 */
export function problem<C extends ProblemCode>(c: Context, code: C, detail: string): ProblemResponse<C> {
  const status = PROBLEM_STATUS[code];
  return {
    status,
    contentType: PROBLEM_JSON,
    body: { type: 'about:blank', title: code, status, detail, instance: requestUri(c) },
  };
}

/** The request URI without its query string (which nothing of ours needs to echo). */
function requestUri(c: Context): string {
  const url = new URL(c.req.url);
  return `${url.origin}${url.pathname}`;
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
      return problem(c, 'INVALID_ARGUMENT', 'The request body is not valid JSON.');
    case 'validation':
      return problem(c, 'INVALID_ARGUMENT', validationDetail(failure));
    case 'unauthorized':
      return problem(
        c,
        'UNAUTHORIZED',
        failure.reason === 'missingCredentials' ? 'Full authentication is required to access this resource.' : 'Bad credentials.',
      );
    case 'notImplemented':
      return problem(c, 'NOT_IMPLEMENTED', `${failure.operationId ?? failure.path} is not implemented.`);
    case 'internal':
      return problem(c, 'INTERNAL', `An unexpected error occurred while processing the request. Request id: ${failure.requestId}.`);
  }
};

/** Answers a failure outside the runtime's routes (unknown paths, errors in middleware) the same way. */
export function failureResponse(c: Context, failure: RuntimeFailure): Response {
  return send(c, camundaErrors(failure, c));
}

/** A problem as a plain Hono response, for routes outside the spec (/docs). */
export function problemResponse(c: Context, code: ProblemCode, detail: string): Response {
  return send(c, problem(c, code, detail));
}

function send(c: Context, mapped: MappedError): Response {
  return c.body(JSON.stringify(mapped.body), mapped.status as 500, { 'content-type': mapped.contentType });
}
