/**
 * `createOpenApiApp`: compiles a bundled OpenAPI 3.1 spec into a Hono app whose handlers are typed
 * by openapi-typescript's `paths` and whose input is validated before they run.
 */
import { Hono, type Context, type ErrorHandler } from 'hono';
import { settleAsyncContextFrame } from './async-context-frame.ts';
import { assertExtensionName, type Authorization } from './authorization.ts';
import { createSpecAjv } from './compile/ajv.ts';
import { compileOperation, type CompiledOperation, type CompileContext } from './compile/compile-operation.ts';
import { listOperations } from './compile/operations.ts';
import type { ErrorClassifier, ErrorMapper } from './failures.ts';
import { consoleLogger, type RuntimeLogger } from './logger.ts';
import { serveOperation, startRequest, type PipelineSettings, type ResponseValidationMode } from './pipeline.ts';
import { errorResponse, failureResponse } from './failure-response.ts';
import { randomRequestId } from './request-id.ts';
import { basePathFromServers, concreteFirst, covers, overlapGroups, toRoutePath } from './routing.ts';
import type { SecurityVerifiers } from './security.ts';
import type { Handler, OpenApiEnv, OperationAt, OperationInfo, PathsWithMethod } from './types/handler-types.ts';
import type { HttpMethod, OpenApiDocument, OpenApiDocumentInput } from './types/openapi-document.ts';

/** Options of {@link createOpenApiApp}. */
export interface OpenApiAppOptions<Principal> {
  /** The bundled OpenAPI 3.1 document (all refs local, `#/components/...`). */
  readonly spec: OpenApiDocumentInput;
  /** Mount point of the spec's paths. Default: the path of `spec.servers[0].url` (e.g. `/v2`). */
  readonly basePath?: string;
  /** The API's error format: every failure the runtime detects goes through it. */
  readonly errors: ErrorMapper;
  /** One verifier per security scheme the spec's operations use, keyed by scheme name. */
  readonly security?: SecurityVerifiers<Principal>;
  /**
   * Check handler responses against the spec. `throw` fails the request loudly (the error escapes
   * `app.request()`), `warn` logs at error level and sends the response anyway. Default: `throw`
   * when NODE_ENV is `test`, `off` when `production`, else `warn`.
   */
  readonly validateResponses?: ResponseValidationMode;
  /** Maximum request body in bytes; larger bodies get `payloadTooLarge` (413). Default 1 MiB. */
  readonly bodyLimit?: number;
  /** Pino-compatible logger. Default: console. */
  readonly logger?: RuntimeLogger;
  /** Request id per request; exposed as `c.get('requestId')`, `req.requestId` and `X-Request-Id`. Default: a random UUID (version 4, as `crypto.randomUUID()`). */
  readonly requestId?: (c: Context) => string;
  /** Realm of the `WWW-Authenticate` challenges. Default: `spec.info.title`. */
  readonly realm?: string;
  /**
   * Recognises errors that are not bugs (the database is unreachable: `unavailable`; sign-ins
   * throttled: `tooManyRequests`), so they reach the error mapper as such instead of `internal`.
   */
  readonly classifyError?: ErrorClassifier;
  /**
   * Who may call what: each operation's `extension` (an array of strings; anything else fails
   * start-up) is passed to `allows` with the authenticated principal, before any validation; a
   * refused caller gets `forbidden`. Operations without the extension need authentication only.
   */
  readonly authorization?: Authorization<Principal>;
}

/** The operations of one spec path by HTTP method, and what `Allow` lists. */
interface PathTable {
  readonly methods: Readonly<Record<string, CompiledOperation | undefined>>;
  readonly get: CompiledOperation | undefined;
  readonly allow: readonly string[];
}

/** An operation as listed by {@link OpenApiApp.unimplemented}. */
export interface OperationRef {
  readonly method: HttpMethod;
  readonly path: string;
  readonly operationId: string | undefined;
}

/** What {@link createOpenApiApp} returns. */
export interface OpenApiApp<Paths, Principal> {
  /** The Hono app: serve it, or mount it with `parent.route('/', api.app)`. */
  readonly app: Hono<OpenApiEnv<Principal>>;
  /** The base path the spec's paths are served under. */
  readonly basePath: string;
  /** Every operation of the spec. */
  readonly operations: readonly OperationInfo[];
  /**
   * The 404 answer in the API's format. `api.app` uses it when served directly; Hono does not carry
   * a mounted app's notFound over, so a parent app sets it: `parent.notFound(api.notFound)`.
   */
  readonly notFound: (c: Context) => Response;
  /**
   * The answer to an error thrown outside an operation (a middleware or route of the parent app),
   * in the API's format: `parent.onError(api.onError)`. What `classifyError` recognises is
   * answered as such; anything else is logged with the request id and answered `internal`. A
   * `ResponseValidationError` in `throw` mode is rethrown, so it fails the test.
   */
  readonly onError: ErrorHandler;
  /**
   * Registers the handler of the operation at `method` `path` (the spec's path template). Its
   * input and its allowed responses are typed from `Paths`. Throws when the spec has no such
   * operation or it already has a handler.
   */
  handle<M extends HttpMethod, P extends PathsWithMethod<Paths, M>>(
    method: M,
    path: P,
    // NoInfer: M and P come from the arguments alone; inferring from the handler too would widen
    // its literal `contentType` to string before checking it.
    handler: NoInfer<Handler<OperationAt<Paths, P, M>, Principal>>,
  ): OpenApiApp<Paths, Principal>;
  /** Operations of the spec without a handler (they answer `notImplemented`, 501). Apps assert it is empty. */
  unimplemented(): OperationRef[];
}

function defaultResponseValidation(): ResponseValidationMode {
  const env = globalThis.process?.env?.['NODE_ENV'];
  return env === 'production' ? 'off' : env === 'test' ? 'throw' : 'warn';
}

/** Header values must be ISO-8859-1; titles like "Camunda 8 REST API — users" are not. */
function asciiRealm(realm: string): string {
  return realm.replace(/[^\x20-\x7e]/g, '-');
}

function assertDocument(spec: OpenApiDocumentInput): OpenApiDocument {
  const doc = spec as OpenApiDocument;
  if (typeof doc.openapi !== 'string' || !doc.openapi.startsWith('3.1')) {
    throw new Error(`createOpenApiApp: expected an OpenAPI 3.1 document, got openapi: ${String(doc.openapi)}`);
  }
  if (doc.paths === undefined || typeof doc.paths !== 'object') throw new Error('createOpenApiApp: the spec has no paths');
  return doc;
}

/**
 * Compiles the spec (validators, security, routes) once and returns the app to register handlers on.
 *
 * @typeParam Paths - openapi-typescript's `paths` of the same spec.
 * @typeParam Principal - what the security verifiers resolve to; `req.principal`.
 */
export function createOpenApiApp<Paths, Principal = unknown>(options: OpenApiAppOptions<Principal>): OpenApiApp<Paths, Principal> {
  const spec = assertDocument(options.spec);
  settleAsyncContextFrame();
  const logger = options.logger ?? consoleLogger;
  const responseValidation = options.validateResponses ?? defaultResponseValidation();
  const settings: PipelineSettings = {
    errors: options.errors,
    logger,
    bodyLimit: options.bodyLimit ?? 1024 * 1024,
    responseValidation,
    requestId: options.requestId ?? randomRequestId,
    classifyError: options.classifyError,
    allows: options.authorization?.allows as PipelineSettings['allows'],
  };
  if (options.authorization !== undefined) assertExtensionName(options.authorization.extension);
  const basePath = options.basePath ?? basePathFromServers(spec.servers);
  const ctx: CompileContext<Principal> = {
    spec,
    requestAjv: createSpecAjv(spec, { useDefaults: true }, logger),
    responseAjv: responseValidation === 'off' ? undefined : createSpecAjv(spec, { useDefaults: false }, logger),
    verifiers: options.security ?? {},
    realm: asciiRealm(options.realm ?? spec.info?.title ?? 'api'),
    schemeCache: new Map(),
    authorizationExtension: options.authorization?.extension,
  };

  const app = new Hono<OpenApiEnv<Principal>>();
  const byKey = new Map<string, CompiledOperation>();
  const byPath = new Map<string, Map<string, CompiledOperation>>();
  for (const op of listOperations(spec)) {
    const { aliases } = toRoutePath(basePath, op.path);
    const compiled = compileOperation(ctx, op, aliases);
    byKey.set(`${op.method} ${op.path}`, compiled);
    let methods = byPath.get(op.path);
    if (methods === undefined) byPath.set(op.path, (methods = new Map()));
    methods.set(op.method.toUpperCase(), compiled);
  }

  const tables = new Map<string, PathTable>();
  for (const [path, methods] of byPath) {
    const get = methods.get('GET');
    // Hono answers HEAD with the GET handler minus the body; say so in Allow.
    const allow = [...methods.keys(), ...(get !== undefined && !methods.has('HEAD') ? ['HEAD'] : [])];
    tables.set(path, { methods: Object.fromEntries(methods), get, allow });
  }
  const dispatch = (table: PathTable, c: Context): Response | Promise<Response> => {
    const method = c.req.method;
    const op = table.methods[method] ?? (method === 'HEAD' ? table.get : undefined);
    if (op !== undefined) return serveOperation(op, c, settings);
    startRequest(c, settings);
    return failureResponse(c, { kind: 'methodNotAllowed', method, allow: table.allow }, settings.errors, logger);
  };
  const tableOf = (path: string) => tables.get(path) as PathTable;

  for (const group of overlapGroups(concreteFirst([...byPath.keys()]))) {
    const cover = group.find((candidate) => group.every((other) => covers(candidate, other)));
    const others = group.filter((path) => path !== cover);
    if (cover === undefined || others.some((path) => path.includes('{'))) {
      // No single template covers the group: one route each, concrete first (Hono then uses its TrieRouter).
      for (const path of group) app.all(toRoutePath(basePath, path).route, (c) => dispatch(tableOf(path), c));
      continue;
    }
    const { route, aliases } = toRoutePath(basePath, cover);
    const coverTable = tableOf(cover);
    // A literal path inside the cover's template is picked by comparing the cover's params with its literals.
    const selectors = others.map((path) => {
      const literals = path.split('/');
      const checks = cover.split('/').flatMap((segment, i): [string, string][] =>
        segment.startsWith('{') ? [[aliases.get(segment.slice(1, -1)) ?? '', literals[i] ?? '']] : [],
      );
      return { table: tableOf(path), checks };
    });
    app.all(route, (c) => {
      for (const selector of selectors) {
        let match = true;
        for (const [alias, literal] of selector.checks) match &&= c.req.param(alias) === literal;
        if (match) return dispatch(selector.table, c);
      }
      return dispatch(coverTable, c);
    });
  }

  const notFound = (c: Context): Response => {
    startRequest(c, settings);
    return failureResponse(c, { kind: 'notFound', method: c.req.method, path: c.req.path }, settings.errors, logger);
  };
  app.notFound(notFound);
  const onError: ErrorHandler = (err, c) => {
    const requestId = startRequest(c, settings);
    return errorResponse(c, err, settings, { requestId, method: c.req.method, path: c.req.path });
  };
  if (responseValidation === 'throw') {
    // A response that breaks the spec must fail the caller (the test), not become Hono's default
    // 500. Only in this mode: an app with a custom onError is wrapped per route when mounted
    // (an async compose on every request), and the pipeline already catches everything else.
    app.onError((err) => {
      throw err;
    });
  }

  const operations = [...byKey.values()].map((op) => op.info);
  const api: OpenApiApp<Paths, Principal> = {
    app,
    basePath,
    operations,
    notFound,
    onError,
    handle(method, path, handler) {
      const op = byKey.get(`${method} ${path}`);
      if (op === undefined) throw new Error(`api.handle: the spec has no operation ${method.toUpperCase()} ${path}`);
      if (op.handler !== undefined) throw new Error(`api.handle: ${method.toUpperCase()} ${path} already has a handler`);
      op.handler = handler as CompiledOperation['handler'];
      return api;
    },
    unimplemented() {
      return [...byKey.values()]
        .filter((op) => op.handler === undefined)
        .map(({ info }) => ({ method: info.method, path: info.path, operationId: info.operationId }));
    },
  };
  return api;
}
