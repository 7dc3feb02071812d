/**
 * The per-request path of one operation: authenticate, parameters, body, handler, response. Every
 * validator used here was compiled at start-up.
 */
import type { Context } from 'hono';
import { readBodyText } from './body.ts';
import type { CompiledOperation } from './compile/compile-operation.ts';
import { readParameters, type CompiledParameterGroup } from './compile/parameters.ts';
import { lookupResponse } from './compile/responses.ts';
import type { CompiledRequestBody } from './compile/request-body.ts';
import type { ErrorMapper, RuntimeFailure } from './failures.ts';
import { issuesFromAjvErrors } from './issues.ts';
import type { RuntimeLogger } from './logger.ts';
import { matchMediaType, mediaTypeEssence } from './media-types.ts';
import { contentTypeHeader, failureResponse, headerRecord, serializeBody, type AnyHandlerResult } from './respond.ts';
import { ResponseValidationError, responseViolations } from './response-validation.ts';
import { authenticate } from './security.ts';

/** How handler responses are checked against the spec. */
export type ResponseValidationMode = 'off' | 'warn' | 'throw';

/** Settings shared by every operation of one app. */
export interface PipelineSettings {
  readonly errors: ErrorMapper;
  readonly logger: RuntimeLogger;
  readonly bodyLimit: number;
  readonly responseValidation: ResponseValidationMode;
  readonly requestId: (c: Context) => string;
}

const noParameters: Readonly<Record<string, never>> = Object.freeze({});

type Step<T> = { readonly value: T; readonly failure?: undefined } | { readonly failure: RuntimeFailure };

/** Gives the request its id once (reusing one an app middleware set) and echoes it as X-Request-Id. */
export function startRequest(c: Context, settings: PipelineSettings): string {
  let id = c.get('requestId') as string | undefined;
  if (id === undefined) {
    id = settings.requestId(c);
    c.set('requestId', id);
  }
  c.header('X-Request-Id', id);
  return id;
}

function parameters(group: CompiledParameterGroup | undefined, c: Context): Step<Readonly<Record<string, unknown>>> {
  if (group === undefined) return { value: noParameters };
  const value = readParameters(group, c);
  if (group.validate(value)) return { value };
  return { failure: { kind: 'validation', location: group.location, issues: issuesFromAjvErrors(group.validate.errors, value) } };
}

const bodyRequired: RuntimeFailure = {
  kind: 'validation',
  location: 'body',
  issues: [{ pointer: '', field: '', keyword: 'required', params: {}, message: 'request body is required' }],
};

async function requestBody(body: CompiledRequestBody, c: Context, limit: number): Promise<Step<unknown>> {
  const contentType = c.req.header('content-type');
  const declared = c.req.header('content-length');
  // Refuse an unsupported media type before reading a single byte.
  let media;
  if (contentType !== undefined) {
    const matched = matchMediaType(mediaTypeEssence(contentType), body.mediaTypes);
    media = matched === undefined ? undefined : body.mediaTypes.get(matched);
    if (media === undefined) {
      return { failure: { kind: 'unsupportedMediaType', contentType, supported: [...body.mediaTypes.keys()] } };
    }
    if (media.kind === 'other') {
      // Binary and form bodies are the handler's to read; only the declared length is checked.
      if (declared !== undefined && Number(declared) > limit) return { failure: { kind: 'payloadTooLarge', limit } };
      return { value: undefined };
    }
  }
  const read = await readBodyText(c, limit);
  if (read.kind === 'tooLarge') return { failure: { kind: 'payloadTooLarge', limit } };
  if (read.kind === 'absent') return body.required ? { failure: bodyRequired } : { value: undefined };
  if (media === undefined) {
    return { failure: { kind: 'unsupportedMediaType', contentType: undefined, supported: [...body.mediaTypes.keys()] } };
  }
  let value: unknown = read.text;
  if (media.kind === 'json') {
    try {
      value = JSON.parse(read.text);
    } catch {
      return { failure: { kind: 'malformedJson' } };
    }
  }
  if (media.validate !== undefined && !media.validate(value)) {
    return { failure: { kind: 'validation', location: 'body', issues: issuesFromAjvErrors(media.validate.errors, value) } };
  }
  return { value };
}

function respond(c: Context, op: CompiledOperation, result: AnyHandlerResult, settings: PipelineSettings): Response {
  const { status, body } = result;
  const headers = headerRecord(result.headers);
  const mediaType =
    body === undefined ? undefined : (result.contentType ?? lookupResponse(op.responses, status)?.defaultMediaType ?? 'application/json');
  if (settings.responseValidation !== 'off') {
    const violations = responseViolations(op.responses, {
      status,
      mediaType: mediaType === undefined ? undefined : mediaTypeEssence(mediaType),
      body,
      headerNames: new Set(Object.keys(headers).map((name) => name.toLowerCase())),
    });
    if (violations.length > 0) {
      const name = op.info.operationId ?? `${op.info.method.toUpperCase()} ${op.info.path}`;
      const error = new ResponseValidationError(name, status, violations);
      if (settings.responseValidation === 'throw') throw error;
      settings.logger.error({ operation: name, status, violations, requestId: c.get('requestId') as unknown }, error.message);
    }
  }
  if (mediaType === undefined) return c.body(null, status as 200, headers);
  headers['content-type'] = contentTypeHeader(mediaType);
  return c.body(serializeBody(mediaType, body), status as 200, headers);
}

/** Serves one request for an operation. Errors thrown by handlers or verifiers become an `internal` failure. */
export async function serveOperation(op: CompiledOperation, c: Context, settings: PipelineSettings): Promise<Response> {
  const requestId = startRequest(c, settings);
  c.set('operation', op.info);
  const fail = (failure: RuntimeFailure) => failureResponse(c, failure, settings.errors, settings.logger);
  try {
    let principal: unknown;
    if (op.security !== undefined) {
      const auth = await authenticate(op.security, c);
      if ('failure' in auth) return fail(auth.failure);
      principal = auth.principal;
      c.set('principal', principal);
    }
    const handler = op.handler;
    if (handler === undefined) {
      return fail({ kind: 'notImplemented', method: op.info.method, path: op.info.path, operationId: op.info.operationId });
    }
    const params = parameters(op.path, c);
    if (params.failure) return fail(params.failure);
    const query = parameters(op.query, c);
    if (query.failure) return fail(query.failure);
    const headers = parameters(op.header, c);
    if (headers.failure) return fail(headers.failure);
    let body: unknown;
    if (op.body !== undefined) {
      const step = await requestBody(op.body, c, settings.bodyLimit);
      if (step.failure) return fail(step.failure);
      body = step.value;
    }
    const req = {
      params: params.value,
      query: query.value,
      headers: headers.value,
      body,
      principal,
      requestId,
      operation: op.info,
    };
    const result = (await handler(req, c as never)) as AnyHandlerResult;
    return respond(c, op, result, settings);
  } catch (err) {
    if (err instanceof ResponseValidationError && settings.responseValidation === 'throw') throw err;
    settings.logger.error(
      { err, requestId, method: c.req.method, path: c.req.path, operationId: op.info.operationId },
      'unhandled error while serving a request',
    );
    return fail({ kind: 'internal', requestId });
  }
}
