/**
 * Answers a runtime failure in the API's own format, through its error mapper.
 */
import type { Context } from 'hono';
import type { ErrorMapper, RuntimeFailure } from './failures.ts';
import type { RuntimeLogger } from './logger.ts';

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
