/**
 * Turns a handler's typed result, or a runtime failure mapped by the API's error mapper, into the
 * HTTP response.
 */
import type { Context } from 'hono';
import type { ErrorMapper, RuntimeFailure } from './failures.ts';
import type { RuntimeLogger } from './logger.ts';
import { isJsonMediaType, mediaTypeEssence } from './media-types.ts';

/** The runtime's view of a handler result (the typed union, erased). */
export interface AnyHandlerResult {
  readonly status: number;
  readonly body?: unknown;
  readonly contentType?: string;
  readonly headers?: Readonly<Record<string, unknown>>;
}

/** Serialises a body for its media type: JSON types are stringified, strings and bytes pass through. */
export function serializeBody(mediaType: string, body: unknown): string | Uint8Array<ArrayBuffer> | ArrayBuffer {
  if (isJsonMediaType(mediaTypeEssence(mediaType))) return JSON.stringify(body);
  if (typeof body === 'string' || body instanceof ArrayBuffer) return body;
  if (body instanceof Uint8Array) return body as Uint8Array<ArrayBuffer>;
  return JSON.stringify(body);
}

/** `text/*` without a charset gets UTF-8, as Hono's `c.text()` does. */
export function contentTypeHeader(mediaType: string): string {
  return mediaType.startsWith('text/') && !mediaType.includes('charset') ? `${mediaType}; charset=UTF-8` : mediaType;
}

/** Converts the handler's headers object into strings, dropping undefined values. */
export function headerRecord(headers: Readonly<Record<string, unknown>> | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  if (headers === undefined) return out;
  for (const name in headers) {
    const value = headers[name];
    if (value !== undefined) out[name] = String(value);
  }
  return out;
}

/**
 * Answers a failure in the API's format. Runtime-owned headers (`Allow`, `WWW-Authenticate`) are
 * added here so that no mapper can forget them. A mapper that throws yields a bare 500.
 */
export function failureResponse(c: Context, failure: RuntimeFailure, errors: ErrorMapper, logger: RuntimeLogger): Response {
  let mapped;
  try {
    mapped = errors(failure, c);
  } catch (err) {
    logger.error({ err, failure: failure.kind, requestId: c.get('requestId') as unknown }, 'the error mapper threw');
    return c.text('Internal Server Error', 500);
  }
  for (const [name, value] of Object.entries(mapped.headers ?? {})) c.header(name, value);
  if (failure.kind === 'methodNotAllowed') c.header('Allow', failure.allow.join(', '));
  if (failure.kind === 'unauthorized') {
    for (const challenge of failure.challenges) c.header('WWW-Authenticate', challenge, { append: true });
  }
  c.header('Content-Type', mapped.contentType);
  const text = typeof mapped.body === 'string' ? mapped.body : JSON.stringify(mapped.body);
  return c.body(text, mapped.status as 400);
}
