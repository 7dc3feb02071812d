import { Hono } from 'hono';
import { cors } from 'hono/cors';
import { requestId } from 'hono/request-id';
import { createOpenApiApp, type OpenApiApp } from '@repo/hono-openapi';
import { type PasswordHasher, type SignInThrottle } from '@repo/auth';
import { type Logger } from '@repo/config';
import { createHealthApp, requestLogger } from '@repo/http';
import { refusalOf } from '@repo/service-shell';
import { onezoneSpec, type paths } from '@repo/specs/onezone';
import { onezoneAuthorization } from './authorization.ts';
import type { Config } from './config.ts';
import { docsHandler } from './docs.ts';
import { onezoneErrors } from './errors.ts';
import { registerRoutes } from './routes/register-routes.ts';
import { REALM, securityVerifiers } from './security.ts';
import { Authenticator } from './services/authenticator.ts';
import { ClientTokenService } from './services/client-token-service.ts';
import type { Principal } from './services/principal.ts';
import { TokenAuthenticator } from './services/token-authenticator.ts';
import { UserService } from './services/user-service.ts';
import { ClientTokenVault } from './tokens/client-token-vault.ts';
import type { UserStore } from './stores/user-store.ts';

/** What {@link createApp} needs; index.ts builds it from the config, tests build their own. */
export interface AppDeps {
  store: UserStore;
  hasher: PasswordHasher;
  logger: Logger;
  config: Pick<Config, 'corsOrigins' | 'publicBaseUrl' | 'responseValidation' | 'authCacheSeconds' | 'bodyLimitBytes'> &
    Partial<Pick<Config, 'trustProxyHops'>>;
  /** The 32-byte key that seals client tokens for listing (tokens/token-key.ts); never stored in the database. */
  tokenKey: Uint8Array;
  /** The offline HTML reference served at `/docs`; undefined or missing: 404 with a hint. */
  docsFile?: string | undefined;
  /** `/ready`: rejects unless the database answers and is migrated (default: `store.ping()`). */
  ready?: (() => Promise<unknown>) | undefined;
  /** Counts failed sign-ins and answers a throttled client 429 (default: none). */
  signInThrottle?: SignInThrottle | undefined;
}

export { REALM } from './security.ts';

const LOCALHOST_ORIGIN = /^https?:\/\/(localhost|127\.0\.0\.1|\[::1\])(:\d{1,5})?$/;

const CLIENT_TOKEN_IN_PATH = /(\/user\/client_tokens\/)[^/]+/;

/** A request path with the client token of `/user/client_tokens/{tid}` replaced by `[token]`. */
export function redactClientTokenPath(path: unknown): unknown {
  return typeof path === 'string' ? path.replace(CLIENT_TOKEN_IN_PATH, '$1[token]') : path;
}

/** The Onezone server: /health, /ready and docs at the root, the API under `/api/v3/onezone`. */
export function createApp(deps: AppDeps): { app: Hono; api: OpenApiApp<paths, Principal> } {
  const { store, hasher, config } = deps;
  // remove_client_token carries the token in its path (`/user/client_tokens/{tid}`, as upstream):
  // every log line's `path` goes through this serializer, so no token reaches the log.
  const logger = deps.logger.child({}, { serializers: { path: redactClientTokenPath } });
  const authenticator = new Authenticator(store, hasher, { cacheTtlMs: config.authCacheSeconds * 1000, throttle: deps.signInThrottle });
  const vault = new ClientTokenVault(deps.tokenKey);
  const api = createOpenApiApp<paths, Principal>({
    spec: onezoneSpec,
    errors: onezoneErrors,
    security: securityVerifiers(authenticator, new TokenAuthenticator(store, vault), config.trustProxyHops),
    validateResponses: config.responseValidation,
    bodyLimit: config.bodyLimitBytes,
    logger,
    realm: REALM,
    classifyError: refusalOf,
    authorization: onezoneAuthorization,
  });
  registerRoutes(api, {
    users: new UserService(store, hasher),
    tokens: new ClientTokenService(store, vault),
    publicBaseUrl: config.publicBaseUrl,
    basePath: api.basePath,
  });

  const app = new Hono();
  app.use(requestId());
  app.use(requestLogger(logger));
  const corsMiddleware = cors({
    origin: (origin) => {
      const allowed = config.corsOrigins;
      if (allowed === '*') return '*';
      if (allowed === undefined) return LOCALHOST_ORIGIN.test(origin) ? origin : null;
      return allowed.includes(origin) ? origin : null;
    },
    allowMethods: ['GET', 'POST', 'PATCH', 'DELETE', 'OPTIONS'],
    allowHeaders: ['Authorization', 'X-Auth-Token', 'Content-Type', 'Prefer', 'X-Request-Id'],
    exposeHeaders: ['Location', 'X-Request-Id', 'WWW-Authenticate'],
    maxAge: 600,
  });
  // Only browsers send Origin, and only they need CORS headers. hono/cors writes its headers onto a
  // placeholder response that is then merged into the real one, turning @hono/node-server's cheap
  // response into a full undici Response (~12% of get_user's CPU in a profile); callers without
  // Origin skip it.
  app.use((c, next) => (c.req.header('origin') === undefined ? next() : corsMiddleware(c, next)));
  app.route('/', createHealthApp({ ready: deps.ready ?? (() => store.ping()), logger }));
  app.get('/docs', docsHandler(deps.docsFile));
  app.route('/', api.app);
  app.notFound(api.notFound);
  app.onError(api.onError);
  return { app, api };
}
