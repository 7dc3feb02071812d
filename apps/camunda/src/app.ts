import { basic } from '@repo/hono-openapi';
import { clientAddress } from '@repo/http';
import { createServiceApp, type ServiceDeps, type ServiceStore } from '@repo/service-shell';
import { camundaSpec, type operations, type paths } from '@repo/specs/camunda';
import type { Config } from './config.ts';
import { camundaAuthorization } from './authorization.ts';
import { camundaErrors } from './errors.ts';
import { operationHandlers } from './routes/operation-handlers.ts';
import { Authenticator } from './services/authenticator.ts';
import type { Principal } from './services/principal.ts';
import { UserService } from './services/user-service.ts';
import type { UserStore } from './stores/user-store.ts';

/** What the app is made of: the shell builds it from the config at start-up, the test kit from a test store. */
export type AppDeps = ServiceDeps<Config, UserStore & Pick<ServiceStore, 'ready' | 'database'>>;

/** The Camunda app: the service shell around the users API under `/v2`. */
export function createApp({ config, store, hasher, logger, signInThrottle, docsFile }: AppDeps) {
  const authenticator = new Authenticator(store, hasher, {
    cacheTtlMs: config.authCacheSeconds * 1000,
    throttle: signInThrottle,
    generation: store.database.changes?.generation,
  });
  return createServiceApp<paths, operations, Principal>({
    spec: camundaSpec,
    errors: camundaErrors,
    security: {
      basicAuth: basic(({ username, password }, c) => authenticator.authenticate(username, password, clientAddress(c, config.trustProxyHops))),
    },
    authorization: camundaAuthorization,
    realm: 'camunda',
    handlers: () => operationHandlers({ users: new UserService(store, hasher) }),
    config,
    logger,
    ready: () => store.ready(),
    readScope: store.database.changes?.openScope,
    docsFile,
  });
}
