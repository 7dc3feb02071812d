/**
 * Answers a runtime failure, or an error something threw, in the API's own format, through its
 * error mapper.
 */
import type { Context } from 'hono';
import type { ErrorClassifier, ErrorMapper, RuntimeFailure } from './failures.ts';
import type { RuntimeLogger } from './logger.ts';
import type { ResponseValidationMode } from './pipeline.ts';
import { ResponseValidationError } from './response-validation.ts';

/**
 * Answers a failure in the API's format. Runtime-owned headers (`Allow`, `WWW-Authenticate`,
 * `Retry-After`) are added here so that no mapper can forget them. A mapper that throws yields a bare 500.
 */
export function failureResponse(c: Context, failure: RuntimeFailure, errors: ErrorMapper, logger: RuntimeLogger): Response {
  let mapped;
  try {
    mapped = errors(failure, c);
  } catch (err) {
    logger.error({ err, failure: failure.kind, requestId: c.get('requestId') as unknown }, 'the error mapper threw');
    return new Response('Internal Server Error', { status: 500, headers: { 'content-type': 'text/plain; charset=UTF-8' } });
  }
  const headers: Record<string, string> = { ...mapped.headers };
  if (failure.kind === 'methodNotAllowed') headers['allow'] = failure.allow.join(', ');
  // Several challenges in one field, comma-separated, as RFC 9110 §11.6.1 allows.
  if (failure.kind === 'unauthorized' && failure.challenges.length > 0) headers['www-authenticate'] = failure.challenges.join(', ');
  // Seconds, as RFC 9110 §10.2.3 allows; the runtime owns it like Allow, so no mapper can forget it.
  if (failure.kind === 'unavailable' || failure.kind === 'tooManyRequests') headers['retry-after'] = String(Math.max(1, Math.ceil(failure.retryAfterSeconds)));
  headers['content-type'] = mapped.contentType;
  const requestId = c.get('requestId') as string | undefined;
  if (requestId !== undefined) headers['x-request-id'] = requestId;
  const text = typeof mapped.body === 'string' ? mapped.body : JSON.stringify(mapped.body);
  // Built directly, like handler responses (see response.ts), so every runtime answer behaves alike.
  return new Response(text, { status: mapped.status, headers });
}

/** What {@link errorResponse} needs of the app's settings. */
export interface ErrorSettings {
  readonly errors: ErrorMapper;
  readonly logger: RuntimeLogger;
  readonly responseValidation: ResponseValidationMode;
  readonly classifyError: ErrorClassifier | undefined;
}

/**
 * Answers an error a handler, a verifier, a middleware or the runtime threw: what `classifyError`
 * recognises is answered as such (not a bug, not logged), anything else is logged once with
 * `where` (the request id, the operation) and answered `internal`. A response breaking the spec
 * in `throw` mode is rethrown, so that it fails the test instead of becoming a 500.
 */
export function errorResponse(c: Context, err: unknown, settings: ErrorSettings, where: { readonly requestId: string } & Record<string, unknown>): Response {
  if (err instanceof ResponseValidationError && settings.responseValidation === 'throw') throw err;
  const refusal = settings.classifyError?.(err);
  if (refusal !== undefined) return failureResponse(c, refusal, settings.errors, settings.logger);
  settings.logger.error({ err, ...where }, 'unhandled error while serving a request');
  return failureResponse(c, { kind: 'internal', requestId: where.requestId }, settings.errors, settings.logger);
}
