/**
 * Camunda's error format: RFC 9457 problem details (`application/problem+json`) with `type`,
 * `title`, `status`, `detail` naming the offending field, and `instance` (the request path).
 * Titles follow the upstream server: `INVALID_ARGUMENT` for validation, HTTP reason phrases else.
 * `instance` is the absolute request URL without its query, as in the spec's examples (the spec
 * declares it `format: uri`, which a bare path would not satisfy).
 */
import type { Context } from 'hono';
import type { ErrorMapper, MappedError, RuntimeFailure } from '../failures.ts';
import type { ValidationIssue } from '../issues.ts';

/** The RFC 9457 body Camunda answers errors with. */
export interface CamundaProblem {
  readonly type: string;
  readonly title: string;
  readonly status: number;
  readonly detail: string;
  readonly instance: string;
}

/** The media type of every Camunda error. */
export const problemJson = 'application/problem+json';

function requestUrl(c: Context): string {
  const url = c.req.url;
  const query = url.indexOf('?');
  return query === -1 ? url : url.slice(0, query);
}

/** Builds a problem response; also for handlers that answer 403/404/409 themselves. */
export function camundaProblem(c: Context, status: number, title: string, detail: string): MappedError & { body: CamundaProblem } {
  return {
    status,
    contentType: problemJson,
    body: { type: 'about:blank', title, status, detail, instance: requestUrl(c) },
  };
}

const locationNoun = { body: 'property', path: 'path parameter', query: 'query parameter', header: 'header' } as const;

/** One sentence per issue; names the field, never its value. */
function describeIssue(location: keyof typeof locationNoun, issue: ValidationIssue): string {
  if (issue.pointer === '' && issue.keyword === 'required') return 'Required request body is missing.';
  if (issue.field === '') return `The request body ${issue.message}.`;
  if (issue.keyword === 'required' || issue.keyword === 'dependentRequired') return `No ${issue.field} provided.`;
  if (issue.keyword === 'additionalProperties') return `Unknown ${locationNoun[location]} '${issue.field}'.`;
  // Upstream says "The provided email 'x' is not valid."; the value is left out, it may be a password.
  return `The provided ${locationNoun[location]} '${issue.field}' is not valid: it ${issue.message}.`;
}

/** Detail of a validation failure: every offending field, one sentence each. */
export function validationDetail(failure: Extract<RuntimeFailure, { kind: 'validation' }>): string {
  return failure.issues.map((issue) => describeIssue(failure.location, issue)).join(' ');
}

/** The reference mapper for the Camunda API: every runtime failure as problem+json. */
export const camundaErrors: ErrorMapper = (failure, c) => {
  switch (failure.kind) {
    case 'notFound':
      return camundaProblem(c, 404, 'NOT_FOUND', `No endpoint ${failure.method} ${failure.path}.`);
    case 'methodNotAllowed':
      return camundaProblem(c, 405, 'Method Not Allowed', `Request method '${failure.method}' is not supported.`);
    case 'unsupportedMediaType':
      return camundaProblem(
        c,
        415,
        'Unsupported Media Type',
        `Content-Type '${failure.contentType ?? ''}' is not supported; use ${failure.supported.join(' or ')}.`,
      );
    case 'payloadTooLarge':
      return camundaProblem(c, 413, 'Payload Too Large', `The request body exceeds ${failure.limit} bytes.`);
    case 'malformedJson':
      return camundaProblem(c, 400, 'Bad Request', 'Failed to read request: the body is not valid JSON.');
    case 'validation':
      return camundaProblem(c, 400, 'INVALID_ARGUMENT', validationDetail(failure));
    case 'unauthorized':
      return camundaProblem(c, 401, 'UNAUTHORIZED', 'The request lacks valid authentication credentials.');
    case 'notImplemented':
      return camundaProblem(c, 501, 'Not Implemented', `${failure.operationId ?? failure.path} is not implemented.`);
    case 'internal':
      return camundaProblem(
        c,
        500,
        'INTERNAL',
        `An internal error occurred while processing the request. Reference: ${failure.requestId}.`,
      );
  }
};
