import type { AdminAccounts, PasswordHasher, SignInThrottle } from '@repo/auth';
import type { CommonServerConfig, Env, Logger } from '@repo/config';
import type { ClientErrorReason, ClientErrorResponse } from '@repo/http';
import type { OpenDatabaseOptions, OpenedDatabase, SqlDialect } from '@repo/persistence';
import type { ServiceApp } from './service-app.ts';

/** What the shell needs of an API's store: `@repo/persistence`'s `SqlStore` skeleton. */
export interface ServiceStore {
  // Any tables: the shell only keeps the sign-in throttle's table beside them.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  readonly database: OpenedDatabase<any>;
  readonly dialect: SqlDialect;
  readonly location: string;
  ready(): Promise<void>;
  exclusive<T>(action: () => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

/** What every API's `createApp` is given: by the shell at start-up, by the test kit in tests. */
export interface ServiceDeps<Config, Store> {
  config: Config;
  store: Store;
  hasher: PasswordHasher;
  logger: Logger;
  /** Counts failed sign-ins and answers a throttled client 429 (tests may leave it out). */
  signInThrottle?: SignInThrottle | undefined;
  /** The offline HTML reference served at `/docs`. */
  docsFile?: string | undefined;
}

/**
 * One API server: everything the shell needs to start it. An app's `src/service.ts` defines it and
 * `src/index.ts` is `await startService(service)`.
 */
/** Every server listens on a port of its own (`CAMUNDA_PORT`, `ONEZONE_PORT`). */
export type ServiceConfig = CommonServerConfig & { port: number };

export interface ServiceDefinition<Config extends ServiceConfig, Store extends ServiceStore, Extras = object> {
  /** Lower-case, e.g. `camunda`: the logger's name and the SQLite file (`<name>.sqlite`). */
  name: string;
  /** For people: `Camunda API`. */
  title: string;
  /** Reads and validates the environment; throws `ConfigError`. */
  loadConfig(env?: Env): Config;
  /** Opens and migrates the store (see `SqlStore`). */
  openStore(options: OpenDatabaseOptions): Promise<Store>;
  /** The bootstrap admin's view of the store. */
  adminAccounts(store: Store): AdminAccounts<unknown>;
  /** What the app needs besides the store and the config, made once at start-up (Onezone: its token key). */
  prepare?(context: { config: Config; store: Store; logger: Logger }): Promise<Extras>;
  createApp(deps: ServiceDeps<Config, Store> & Extras): {
    /** The whole app: shell and API. */
    app: ServiceApp;
    /** The API alone, at its base path (the stateful mock fronts it). */
    api: { readonly basePath: string; readonly app: { fetch: (request: Request, env?: unknown) => Response | Promise<Response> } };
  };
  /** The API's answer to a request Node's HTTP parser refused. */
  clientErrorResponse(reason: ClientErrorReason): ClientErrorResponse;
}

/** Typed in one place, so an app's `service.ts` gets its checks without spelling the parameters. */
export function defineService<Config extends ServiceConfig, Store extends ServiceStore, Extras = object>(
  definition: ServiceDefinition<Config, Store, Extras>,
): ServiceDefinition<Config, Store, Extras> {
  return definition;
}
