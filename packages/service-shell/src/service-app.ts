import { Hono, type Context } from 'hono';
import { cors } from 'hono/cors';
import type { CommonServerConfig, Logger } from '@repo/config';
import { createHealthApp, publicOrigin } from '@repo/http';
import { createOpenApiApp, type Authorization, type ErrorMapper, type OpenApiApp, type SecurityVerifiers } from '@repo/hono-openapi';
import { corsSettings } from './cors-settings.ts';
import { docsHandler } from './docs-handler.ts';
import { registerOperations, type OperationHandlers } from './operation-handlers.ts';
import { refusalOf } from './refusal-of.ts';
import { shellPublicBaseUrl, shellRequestId, withRequestContext, type FetchHandler } from './request-context.ts';

/** What the shell reads from the configuration (see `@repo/config`'s `CommonServerConfig`). */
export type ShellConfig = Pick<CommonServerConfig, 'corsOrigins' | 'publicBaseUrl' | 'responseValidation' | 'bodyLimitBytes'>;

/** An API's own parts; everything else about serving it is the shell's. */
export interface ServiceAppOptions<Operations, Principal> {
  /** The bundled spec (`@repo/specs/<api>`): routes, validation, CORS methods and headers come from it. */
  spec: Record<string, unknown>;
  /** The API's error format: every refusal, 404, 405 and 500 goes through it. */
  errors: ErrorMapper;
  /** One verifier per security scheme of the spec. */
  security: SecurityVerifiers<Principal>;
  /** The spec extension each operation declares its required rights in, and whether a caller holds them. */
  authorization: Authorization<Principal>;
  /** The realm of `WWW-Authenticate` challenges. */
  realm: string;
  /** One handler per operationId of the spec (see operation-handlers.ts), given the API's base path. */
  handlers: (api: { basePath: string }) => OperationHandlers<Operations, Principal>;
  config: ShellConfig;
  logger: Logger;
  /** `/ready`: rejects unless the store answers and is migrated. */
  ready: () => Promise<unknown>;
  /**
   * Opens a read scope for one request and returns what closes it (an embedded SQLite store's
   * `changes.openScope`): the store checks other connections' commits once per request instead
   * of once per read. Absent (PostgreSQL), every read goes to the database anyway.
   */
  readScope?: (() => () => void) | undefined;
  /** The offline HTML reference served at `/docs`; missing: 404 in the API's format. */
  docsFile?: string | undefined;
}

/**
 * The origin absolute URLs in a response start with (Onezone's `Location`, Camunda's problem
 * `instance`): `PUBLIC_BASE_URL` when set, else the listening address (`@repo/http`'s `publicOrigin`).
 */
export function publicRoot(c: Context): string {
  return publicOrigin(c, shellPublicBaseUrl(c));
}

/** A served API: Hono's `fetch` and, for tests, its `request`. */
export interface ServiceApp {
  /** The entry point @hono/node-server calls, with its bindings (`incoming`, `outgoing`). */
  fetch: FetchHandler;
  /** As Hono's `app.request()`: a path (on `http://localhost`), a URL or a `Request`, with optional bindings. */
  request: (input: string | URL | Request, init?: RequestInit, env?: unknown) => Promise<Response>;
}

/**
 * The app of one API: CORS (browsers only), request ids, request logs, `/health` and `/ready`,
 * `/docs`, and the API at the spec's base path, its operations served by `handlers` after
 * authentication and the spec's authorization; everything that is not an answer of a handler goes
 * through the API's error mapper.
 */
export function createServiceApp<Paths, Operations, Principal>(options: ServiceAppOptions<Operations, Principal>): {
  app: ServiceApp;
  api: OpenApiApp<Paths, Principal>;
} {
  const { config, logger } = options;
  const api = createOpenApiApp<Paths, Principal>({
    spec: options.spec,
    errors: options.errors,
    security: options.security,
    authorization: options.authorization,
    validateResponses: config.responseValidation,
    bodyLimit: config.bodyLimitBytes,
    logger,
    realm: options.realm,
    classifyError: refusalOf,
    requestId: shellRequestId,
  });
  registerOperations(api, options.handlers({ basePath: api.basePath }));

  const health = createHealthApp({ ready: options.ready, logger });
  const docs = docsHandler(options.docsFile, api.notFound);
  const routes = (app: Hono): Hono => {
    app.route('/', health);
    app.get('/docs', docs);
    app.route('/', api.app);
    app.notFound(api.notFound);
    app.onError(api.onError);
    return app;
  };
  const browsers = new Hono();
  // Only browsers send Origin, and only they need CORS headers. hono/cors writes its headers onto a
  // placeholder response that is then merged into the real one, turning @hono/node-server's cheap
  // response into a full undici Response (~12% of a read's CPU in a profile): callers without
  // Origin are served by the same routes without it.
  browsers.use(cors(corsSettings(options.spec, config.corsOrigins)));
  const fetch = withRequestContext({
    serve: routes(new Hono()).fetch,
    serveBrowser: routes(browsers).fetch,
    publicBaseUrl: config.publicBaseUrl,
    readScope: options.readScope,
    apiBasePath: api.basePath,
    logger,
  });
  const app: ServiceApp = { fetch, request: async (input, init, env) => fetch(asRequest(input, init), env) };
  return { app, api };
}

/** Hono's `app.request()` rule: a `Request` (with `init` applied over it), an absolute URL, or a path on `http://localhost`. */
function asRequest(input: string | URL | Request, init: RequestInit | undefined): Request {
  if (input instanceof Request) return init === undefined ? input : new Request(input, init);
  const text = input.toString();
  return new Request(/^https?:\/\//.test(text) ? text : `http://localhost${text.startsWith('/') ? '' : '/'}${text}`, init);
}
