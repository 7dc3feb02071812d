import createClient, { type Client } from 'openapi-fetch';
import { Argon2idPasswordHasher, bootstrapAdmin, type PasswordHasher, type SignInThrottle } from '@repo/auth';
import type { ServiceConfig, ServiceDefinition, ServiceStore } from '@repo/service-shell';
import { captureLogger } from '@repo/test-support';
import { strictFetch } from './checked-fetch.ts';

/** argon2id at a fraction of the OWASP cost: the same code path; tests check behaviour, not hashing strength. */
export const CHEAP_ARGON2ID_PARAMS = Object.freeze({ memoryCost: 1024, timeCost: 1, parallelism: 1 });

/** A hasher at {@link CHEAP_ARGON2ID_PARAMS}, for handler tests. */
export function cheapHasher(): PasswordHasher {
  return new Argon2idPasswordHasher(CHEAP_ARGON2ID_PARAMS);
}

/** HTTP basic credentials as an `Authorization` value. */
export function basicAuth(username: string, password: string): string {
  return `Basic ${Buffer.from(`${username}:${password}`, 'utf8').toString('base64')}`;
}

export interface ServiceTestAppOptions<Config, Store, Extras> {
  /** What the service's `prepare` would make at start-up (Onezone: its token key). */
  extras: Extras;
  /** The bundled spec every response is checked against. */
  spec: Record<string, unknown>;
  /** Default: a fresh in-memory SQLite store. */
  store?: Store;
  /** Wraps the store the app sees (a failing or counting store); the admin is bootstrapped on the real one. */
  wrapStore?: (store: Store) => Store;
  hasher?: PasswordHasher;
  /** Over the service's defaults in `NODE_ENV=test` (response validation `throw`). */
  config?: Partial<Config>;
  /** The bootstrap admin; null for none. */
  admin: { username: string; password: string } | null;
  signInThrottle?: SignInThrottle;
  docsFile?: string;
}

/**
 * A service's app for tests without a port: as `startService` builds it, on an in-memory SQLite
 * store with a cheap hasher, a captured log (debug) and the admin bootstrapped the shell's way;
 * `client` gives openapi-fetch clients typed by `Paths` whose every response is checked against the spec.
 */
export async function createServiceTestApp<Paths extends {}, Config extends ServiceConfig, Store extends ServiceStore, Extras>(
  service: ServiceDefinition<Config, Store, Extras>,
  options: ServiceTestAppOptions<Config, Store, Extras>,
) {
  const store = options.store ?? (await service.openStore({ inMemory: true, dataDir: 'unused', fileName: 'unused' }));
  const hasher = options.hasher ?? cheapHasher();
  const log = captureLogger('debug');
  if (options.admin !== null) await bootstrapAdmin(service.adminAccounts(store), hasher, options.admin);
  const config: Config = { ...service.loadConfig({ NODE_ENV: 'test' }), ...options.config };
  const { app, api } = service.createApp({
    ...options.extras,
    config,
    store: options.wrapStore?.(store) ?? store,
    hasher,
    logger: log.logger,
    signInThrottle: options.signInThrottle,
    docsFile: options.docsFile,
  });
  const send = strictFetch(options.spec, (request) => app.request(request));
  const baseUrl = `http://localhost${api.basePath}`;
  /** A typed client sending `headers` (e.g. `{ Authorization: basicAuth(…) }`) with every request, through `via` (default: `send`). */
  const client = (headers: Record<string, string> = {}, via: (request: Request) => Promise<Response> = send): Client<Paths> =>
    createClient<Paths>({ baseUrl, fetch: via, headers });
  return { app, api, store, hasher, log, config, baseUrl, send, client, close: () => store.close() };
}
