/**
 * Builds the HTTP response from a handler's result: default media type, serialisation, headers,
 * and response validation when it is on.
 */
import type { CompiledOperation } from './compile/compile-operation.ts';
import { lookupResponse } from './compile/responses.ts';
import { bodyMediaType, type BodyMediaType } from './media-types.ts';
import type { PipelineSettings } from './pipeline.ts';
import { ResponseValidationError, responseViolations } from './response-validation.ts';

/** The runtime's view of a handler result (the typed union, erased). */
export interface AnyHandlerResult {
  readonly status: number;
  readonly body?: unknown;
  readonly contentType?: string;
  readonly headers?: Readonly<Record<string, unknown>>;
}

const JSON_BODY = bodyMediaType('application/json');

/** Serialises a body for its media type: JSON types are stringified, strings and bytes pass through. */
export function serializeBody(media: BodyMediaType, body: unknown): string | Uint8Array<ArrayBuffer> | ArrayBuffer {
  if (media.json) return JSON.stringify(body);
  if (typeof body === 'string' || body instanceof ArrayBuffer) return body;
  if (body instanceof Uint8Array) return body as Uint8Array<ArrayBuffer>;
  return JSON.stringify(body);
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
 * Turns the handler's result into a Response. Built directly with a plain header record rather
 * than through `c.body()`: Hono turns a record of more than one header into a `Headers` object,
 * which takes @hono/node-server off its fast path. Headers a middleware set with `c.header()`
 * before `next()` are therefore not carried; set them on `c.res` after `next()`, as Hono's own
 * middleware (cors, secure-headers) do, and Hono merges them.
 */
export function buildResponse(
  op: CompiledOperation,
  result: AnyHandlerResult,
  settings: PipelineSettings,
  requestId: string,
): Response {
  const { status, body } = result;
  const headers = headerRecord(result.headers);
  const media =
    body === undefined
      ? undefined
      : result.contentType !== undefined
        ? bodyMediaType(result.contentType)
        : (lookupResponse(op.responses, status)?.defaultBody ?? JSON_BODY);
  if (settings.responseValidation !== 'off') {
    const violations = responseViolations(op.responses, {
      status,
      mediaType: media?.essence,
      body,
      headerNames: new Set(Object.keys(headers).map((name) => name.toLowerCase())),
    });
    if (violations.length > 0) {
      const name = op.info.operationId ?? `${op.info.method.toUpperCase()} ${op.info.path}`;
      const error = new ResponseValidationError(name, status, violations);
      if (settings.responseValidation === 'throw') throw error;
      settings.logger.error({ operation: name, status, violations, requestId }, error.message);
    }
  }
  headers['x-request-id'] = requestId;
  if (media === undefined) return new Response(null, { status, headers });
  headers['content-type'] = media.contentType;
  return new Response(serializeBody(media, body), { status, headers });
}
