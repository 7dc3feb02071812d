/**
 * The per-request path of one operation: authenticate, authorize, parameters, body, handler, response. Every
 * validator used here was compiled at start-up. Each step stays synchronous unless it has to wait
 * (an async verifier, reading a body, an async handler): a GET with sync verifier and handler
 * answers without a single promise, as a bare Hono route does.
 */
import type { Context } from 'hono';
import { authenticate, type AuthResult } from './authenticate.ts';
import type { CompiledOperation } from './compile/compile-operation.ts';
import { readParameters, type CompiledParameterGroup } from './compile/parameters.ts';
import type { ErrorClassifier, ErrorMapper, RuntimeFailure } from './failures.ts';
import type { OperationInfo } from './types/handler-types.ts';
import { issuesFromAjvErrors } from './issues.ts';
import type { RuntimeLogger } from './logger.ts';
import { requestBody, type BodyStep, type BodyStepContinuation } from './request-body.ts';
import { errorResponse, failureResponse } from './failure-response.ts';
import { buildResponse, type AnyHandlerResult } from './response.ts';
import { parameterTextIssues, pathEncodingIssues, queryEncodingIssues, rawPathAndQuery } from './text-hygiene.ts';

/** How handler responses are checked against the spec. */
export type ResponseValidationMode = 'off' | 'warn' | 'throw';

/** Settings shared by every operation of one app. */
export interface PipelineSettings {
  readonly errors: ErrorMapper;
  readonly logger: RuntimeLogger;
  readonly bodyLimit: number;
  readonly responseValidation: ResponseValidationMode;
  readonly requestId: (c: Context) => string;
  readonly classifyError: ErrorClassifier | undefined;
  /** The app's `authorization.allows`; called for operations whose extension lists requirements. */
  readonly allows: ((principal: unknown, required: readonly string[], operation: OperationInfo) => boolean) | undefined;
}

type Step<T> = { readonly value: T; readonly failure?: undefined } | { readonly failure: RuntimeFailure };

const noParameters: Step<Readonly<Record<string, never>>> = Object.freeze({ value: Object.freeze({}) });
const anonymous: AuthResult<never> = Object.freeze({ principal: undefined });

/**
 * Gives the request its id once (reusing one an app middleware set). The X-Request-Id header is
 * added when the response is built, in a plain record: `c.header()` would make Hono allocate a
 * `Headers` object and take @hono/node-server off its fast path.
 */
export function startRequest(c: Context, settings: PipelineSettings): string {
  let id = c.get('requestId') as string | undefined;
  if (id === undefined) {
    id = settings.requestId(c);
    c.set('requestId', id);
  }
  return id;
}

function parameters(group: CompiledParameterGroup | undefined, c: Context, template: string): Step<Readonly<Record<string, unknown>>> {
  if (group === undefined) return noParameters;
  // Text hygiene first: a value Hono could not decode, or one holding NUL or a lone surrogate.
  // Only a percent-encoding can fail to decode: a URL without `%` skips the split.
  if (group.location !== 'header' && c.req.url.includes('%')) {
    const { path, query } = rawPathAndQuery(c.req.url);
    const broken =
      group.location === 'path' ? pathEncodingIssues(path, template) : queryEncodingIssues(query, (name) => group.parameters.some((p) => p.lookup === name));
    if (broken.length > 0) return { failure: { kind: 'validation', location: group.location, issues: broken } };
  }
  const value = readParameters(group, c);
  const unclean = parameterTextIssues(value);
  if (unclean.length > 0) return { failure: { kind: 'validation', location: group.location, issues: unclean } };
  if (group.validate(value)) return { value };
  return { failure: { kind: 'validation', location: group.location, issues: issuesFromAjvErrors(group.validate.errors, value) } };
}

function isPromise<T>(value: T | Promise<T>): value is Promise<T> {
  return value instanceof Promise;
}

/**
 * One request through one operation. Every step that can run after a promise settles catches its
 * own errors (`guarded`), so no `.catch()` layer is needed around the whole exchange.
 */
class Exchange implements BodyStepContinuation<Response | Promise<Response>> {
  /** The handler's input, once parameters are valid. */
  req: HandlerInput | undefined;

  constructor(
    readonly op: CompiledOperation,
    readonly c: Context,
    readonly settings: PipelineSettings,
    readonly requestId: string,
  ) {}

  fail(failure: RuntimeFailure): Response {
    return failureResponse(this.c, failure, this.settings.errors, this.settings.logger);
  }

  /** Handler, verifier or runtime errors become what `classifyError` says, else `internal`; a response breaking the spec in `throw` mode escapes. */
  crash(err: unknown): Response {
    const { c, op, requestId } = this;
    return errorResponse(c, err, this.settings, { requestId, method: c.req.method, path: c.req.path, operationId: op.info.operationId });
  }

  /** Runs a step that may throw synchronously, turning the throw into `crash`. */
  guarded<A>(step: (arg: A) => Response | Promise<Response>, arg: A): Response | Promise<Response> {
    try {
      return step.call(this, arg);
    } catch (err) {
      return this.crash(err);
    }
  }

  authenticated(auth: AuthResult<unknown>): Response | Promise<Response> {
    if (auth.failure) return this.fail(auth.failure);
    const { op, c } = this;
    c.set('principal', auth.principal);
    // Before the handler check and any validation: a caller without the privilege learns neither
    // whether the operation is implemented nor what input it takes.
    if (op.required !== undefined && !(this.settings.allows as NonNullable<PipelineSettings['allows']>)(auth.principal, op.required, op.info)) {
      return this.fail({ kind: 'forbidden', required: op.required, operationId: op.info.operationId });
    }
    if (op.handler === undefined) {
      return this.fail({ kind: 'notImplemented', method: op.info.method, path: op.info.path, operationId: op.info.operationId });
    }
    const params = parameters(op.path, c, op.info.path);
    if (params.failure) return this.fail(params.failure);
    const query = parameters(op.query, c, op.info.path);
    if (query.failure) return this.fail(query.failure);
    const headers = parameters(op.header, c, op.info.path);
    if (headers.failure) return this.fail(headers.failure);
    const req: HandlerInput = (this.req = {
      params: params.value,
      query: query.value,
      headers: headers.value,
      body: undefined,
      principal: auth.principal,
      requestId: this.requestId,
      operation: op.info,
    });
    if (op.body === undefined) return this.call(req);
    // A promise of a promise settles as the inner one; the types just cannot say so.
    return requestBody(op.body, c, this.settings.bodyLimit, this) as Response | Promise<Response>;
  }

  /** The body step is done (BodyStepContinuation). */
  next(step: BodyStep): Response | Promise<Response> {
    return this.guarded(this.withBody, step);
  }

  /** Reading the body failed (BodyStepContinuation). */
  failed(err: unknown): Response {
    // The client went away, or stopped sending and Node's request timeout answered 408 and closed
    // the connection: not a bug to log as one. Nobody reads this answer; the request log shows 408.
    if (isAbortedRequest(err)) return new Response(null, { status: 408 });
    return this.crash(err);
  }

  withBody(step: BodyStep): Response | Promise<Response> {
    if (step.failure) return this.fail(step.failure);
    const req = this.req as HandlerInput;
    req.body = step.value;
    return this.call(req);
  }

  call(req: HandlerInput): Response | Promise<Response> {
    const result = (this.op.handler as (req: HandlerInput, c: Context) => AnyHandlerResult | Promise<AnyHandlerResult>)(req, this.c);
    if (isPromise(result)) {
      return result.then(
        (r) => this.guarded(this.respond, r),
        (err: unknown) => this.crash(err),
      );
    }
    return this.respond(result);
  }

  respond(result: AnyHandlerResult): Response {
    return buildResponse(this.op, result, this.settings, this.requestId);
  }
}

/** Node's error for a request whose connection closed before its body was read. */
function isAbortedRequest(err: unknown): boolean {
  return err instanceof Error && (err as NodeJS.ErrnoException).code === 'ECONNRESET' && err.message === 'aborted';
}

/** What the handler receives (typed per operation by `HandlerRequest`). */
interface HandlerInput {
  readonly params: unknown;
  readonly query: unknown;
  readonly headers: unknown;
  body: unknown;
  readonly principal: unknown;
  readonly requestId: string;
  readonly operation: CompiledOperation['info'];
}

/** Serves one request for an operation. */
export function serveOperation(op: CompiledOperation, c: Context, settings: PipelineSettings): Response | Promise<Response> {
  const exchange = new Exchange(op, c, settings, startRequest(c, settings));
  c.set('operation', op.info);
  try {
    const auth = op.security === undefined ? anonymous : authenticate(op.security, c);
    if (isPromise(auth)) {
      return auth.then(
        (a) => exchange.guarded(exchange.authenticated, a),
        (err: unknown) => exchange.crash(err),
      );
    }
    return exchange.authenticated(auth);
  } catch (err) {
    return exchange.crash(err);
  }
}
