import { Hono } from 'hono';
import { cors } from 'hono/cors';
import { requestId } from 'hono/request-id';
import { basic, createOpenApiApp, type ResponseValidationMode } from '@repo/hono-openapi';
import { type PasswordHasher, type SignInThrottle } from '@repo/auth';
import { type Logger } from '@repo/config';
import { clientAddress, createHealthApp, requestLogger } from '@repo/http';
import { refusalOf } from '@repo/service-shell';
import { camundaSpec, type paths } from '@repo/specs/camunda';
import { camundaAuthorization } from './authorization.ts';
import { camundaErrors, problemResponse, PUBLIC_BASE_URL_VARIABLE } from './errors.ts';
import { createUser } from './routes/users/create-user.ts';
import { deleteUser } from './routes/users/delete-user.ts';
import { searchUsers } from './routes/users/search-users.ts';
import { updateUser } from './routes/users/update-user.ts';
import { Authenticator } from './services/authenticator.ts';
import type { Principal } from './services/principal.ts';
import { UserService } from './services/user-service.ts';
import type { UserStore } from './stores/user-store.ts';

/** What the app is made of; index.ts builds it from the config, tests from fakes and temp stores. */
export interface AppDeps {
  store: UserStore;
  hasher: PasswordHasher;
  logger: Logger;
  /** `off` in production, `warn` in development, `throw` in tests. */
  responseValidation: ResponseValidationMode;
  /** Allowed CORS origins; `*` for any; undefined for any localhost origin. */
  corsOrigins?: readonly string[] | '*' | undefined;
  /** How long a verified credential is remembered, in seconds (0: verify every request). */
  authCacheSeconds: number;
  /** Larger request bodies get 413. */
  bodyLimitBytes: number;
  /** `PUBLIC_BASE_URL`: the root of every problem's `instance`; undefined: see @repo/http's `publicOrigin`. */
  publicBaseUrl?: string | undefined;
  /** The offline HTML reference served at /docs; undefined when it was not built. */
  docsHtml?: string | undefined;
  /** `/ready`: rejects unless the database answers and is migrated (default: `store.ping()`). */
  ready?: (() => Promise<unknown>) | undefined;
  /** Counts failed sign-ins and answers a throttled client 429 (default: none). */
  signInThrottle?: SignInThrottle | undefined;
  /** Reverse proxies in front that append to X-Forwarded-For (`TRUST_PROXY_HOPS`, default 0). */
  trustProxyHops?: number | undefined;
}

/** The Camunda app: CORS, request ids and logging, /health and /ready, /docs, and the API under /v2. */
export function createApp(deps: AppDeps) {
  const { store, hasher, logger } = deps;
  const authenticator = new Authenticator(store, hasher, { cacheTtlMs: deps.authCacheSeconds * 1000, throttle: deps.signInThrottle });
  const users = new UserService(store, hasher);

  const api = createOpenApiApp<paths, Principal>({
    spec: camundaSpec,
    errors: camundaErrors,
    security: {
      basicAuth: basic(({ username, password }, c) => authenticator.authenticate(username, password, clientAddress(c, deps.trustProxyHops))),
    },
    validateResponses: deps.responseValidation,
    bodyLimit: deps.bodyLimitBytes,
    logger,
    realm: 'camunda',
    classifyError: refusalOf,
    authorization: camundaAuthorization,
  });
  api
    .handle('post', '/users', createUser(users))
    .handle('post', '/users/search', searchUsers(users))
    .handle('put', '/users/{userKey}', updateUser(users))
    .handle('delete', '/users/{userKey}', deleteUser(users));

  const app = new Hono<{ Variables: { [PUBLIC_BASE_URL_VARIABLE]: string | undefined } }>();
  app.use((c, next) => {
    c.set(PUBLIC_BASE_URL_VARIABLE, deps.publicBaseUrl);
    return next();
  });
  app.use(
    cors({
      origin: corsOrigin(deps.corsOrigins),
      allowMethods: ['GET', 'POST', 'PUT', 'DELETE', 'OPTIONS'],
      allowHeaders: ['authorization', 'content-type', 'prefer'],
      exposeHeaders: ['Location', 'X-Request-Id', 'WWW-Authenticate'],
      maxAge: 600,
    }),
  );
  // The runtime reuses this id, so the response header, the request log line and a 500's detail agree.
  app.use(requestId());
  app.use(requestLogger(logger));
  app.route('/', createHealthApp({ ready: deps.ready ?? (() => store.ping()), logger }));
  app.get('/docs', (c) => {
    if (deps.docsHtml === undefined) {
      return problemResponse(c, 'NOT_FOUND', 'The API reference was not built: run `npm run docs` in specs/, then rebuild.');
    }
    return c.html(deps.docsHtml);
  });
  app.route('/', api.app);
  app.notFound(api.notFound);
  app.onError(api.onError);
  return { app, api };
}

const LOCALHOST_ORIGIN = /^https?:\/\/(localhost|127\.0\.0\.1|\[::1\])(:\d{1,5})?$/;

function corsOrigin(origins: AppDeps['corsOrigins']): string | ((origin: string) => string | null) {
  if (origins === '*') return '*';
  if (origins === undefined) return (origin) => (LOCALHOST_ORIGIN.test(origin) ? origin : null);
  const allowed = new Set(origins);
  return (origin) => (allowed.has(origin) ? origin : null);
}
