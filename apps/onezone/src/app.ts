import { createServiceApp, type ServiceDeps, type ServiceStore } from '@repo/service-shell';
import { onezoneSpec, type operations, type paths } from '@repo/specs/onezone';
import type { Config } from './config.ts';
import { onezoneAuthorization } from './authorization.ts';
import { onezoneErrors } from './errors.ts';
import { operationHandlers } from './routes/operation-handlers.ts';
import { REALM, securityVerifiers } from './security.ts';
import { Authenticator } from './services/authenticator.ts';
import { ClientTokenService } from './services/client-token-service.ts';
import type { Principal } from './services/principal.ts';
import { TokenAuthenticator } from './services/token-authenticator.ts';
import { UserService } from './services/user-service.ts';
import { ClientTokenVault } from './tokens/client-token-vault.ts';
import type { UserStore } from './stores/user-store.ts';

/** What the app is made of: the shell builds it from the config at start-up, the test kit from a test store. */
export type AppDeps = ServiceDeps<Config, UserStore & Pick<ServiceStore, 'ready' | 'database'>> & AppExtras;

/** What the service's `prepare` makes at start-up. */
export interface AppExtras {
  /** The 32-byte key that seals client tokens for listing (tokens/token-key.ts); never stored in the database. */
  tokenKey: Uint8Array;
}

export { REALM } from './security.ts';

const CLIENT_TOKEN_IN_PATH = /(\/user\/client_tokens\/)[^/]+/;

/** A request path with the client token of `/user/client_tokens/{tid}` replaced by `[token]`. */
export function redactClientTokenPath(path: unknown): unknown {
  return typeof path === 'string' ? path.replace(CLIENT_TOKEN_IN_PATH, '$1[token]') : path;
}

/** The Onezone app: the service shell around the users API under `/api/v3/onezone`. */
export function createApp({ config, store, hasher, signInThrottle, tokenKey, docsFile, ...deps }: AppDeps) {
  // remove_client_token carries the token in its path (`/user/client_tokens/{tid}`, as upstream):
  // every log line's `path` goes through this serializer, so no token reaches the log.
  const logger = deps.logger.child({}, { serializers: { path: redactClientTokenPath } });
  const authenticator = new Authenticator(store, hasher, {
    cacheTtlMs: config.authCacheSeconds * 1000,
    throttle: signInThrottle,
    generation: store.database.changes?.generation,
  });
  const vault = new ClientTokenVault(tokenKey);
  return createServiceApp<paths, operations, Principal>({
    spec: onezoneSpec,
    errors: onezoneErrors,
    security: securityVerifiers(authenticator, new TokenAuthenticator(store, vault), config.trustProxyHops),
    authorization: onezoneAuthorization,
    realm: REALM,
    handlers: ({ basePath }) => operationHandlers({ users: new UserService(store, hasher), tokens: new ClientTokenService(store, vault), basePath }),
    config,
    logger,
    ready: () => store.ready(),
    readScope: store.database.changes?.openScope,
    docsFile,
  });
}
