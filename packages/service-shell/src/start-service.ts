import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { bootstrapAdmin, createSignInThrottle, Argon2idPasswordHasher, type BootstrapOutcome } from '@repo/auth';
import { ConfigError, createLogger, meetsOwaspMinimum, type Logger } from '@repo/config';
import { serveApp } from '@repo/http';
import { DatabaseUnreachableError, waitForDatabase } from '@repo/persistence';
import { logBootstrapOutcome } from './admin-banner.ts';
import type { ServiceConfig, ServiceDefinition, ServiceStore } from './service-definition.ts';

/** Where a server finds its offline reference: `docs.html` beside the bundle, else the specs' rendering (from source). */
export interface DocsLocation {
  /** The app's `import.meta.url` (dist/index.js when bundled, src/index.ts from source). */
  appUrl: string;
}

/**
 * Starts one API server, the same way for every API: config → logger → store (waited for within
 * `DATABASE_STARTUP_TIMEOUT_SECONDS`, migrated) → bootstrap admin under the start-up lock → the
 * app's own preparation → serve → one banner. Any failure before serving is one fatal line and
 * exit code 1; SIGTERM drains requests and closes the store.
 */
export async function startService<Config extends ServiceConfig, Store extends ServiceStore, Extras>(
  service: ServiceDefinition<Config, Store, Extras>,
  { appUrl }: DocsLocation,
): Promise<void> {
  let config: Config;
  try {
    config = service.loadConfig(process.env);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    console.error(`${service.name}: invalid configuration: ${error.message}`);
    process.exit(1);
  }
  const logger = createLogger({ name: service.name, level: config.logLevel, format: config.logFormat });
  const hasher = new Argon2idPasswordHasher(config.passwordHash);
  if (!meetsOwaspMinimum(config.passwordHash)) {
    // Only NODE_ENV=test gets here (config refuses it otherwise): say so, in case that was a mistake.
    logger.warn({ passwordHash: config.passwordHash }, 'new password hashes use an argon2id cost below the OWASP minimum (NODE_ENV=test)');
  }

  let store: Store;
  let admin: BootstrapOutcome;
  try {
    ({ store, admin } = await waitForDatabase(() => openAndBootstrap(service, config, hasher, logger), {
      timeoutMs: config.databaseStartupTimeoutSeconds * 1000,
      logger,
    }));
  } catch (error) {
    if (error instanceof DatabaseUnreachableError) logger.fatal(`cannot start: ${error.message}`);
    else logger.fatal({ err: error }, 'cannot start: could not set up the database or the bootstrap admin');
    process.exit(1);
  }
  logger.info({ dialect: store.dialect, location: store.location }, `storing users in ${store.dialect} (${store.location})`);
  logBootstrapOutcome(logger, admin);

  try {
    const extras = service.prepare === undefined ? ({} as Extras) : await service.prepare({ config, store, logger });
    const { app, api } = service.createApp({
      ...extras,
      config,
      store,
      hasher,
      logger,
      signInThrottle: createSignInThrottle(store.database, config.signIn),
      docsFile: findDocs(appUrl, service.name, logger),
    });
    const served = await serveApp({
      app,
      port: config.port,
      hostname: config.host,
      logger,
      limits: config.serving,
      clientErrorResponse: service.clientErrorResponse,
      onShutdown: async () => {
        await store.close();
        logger.info('database closed');
      },
    });
    const host = ['0.0.0.0', '::', '127.0.0.1', '::1'].includes(config.host) ? 'localhost' : config.host;
    const root = `http://${host.includes(':') ? `[${host}]` : host}:${served.port}`;
    logger.info(
      { baseUrl: `${root}${api.basePath}`, docs: `${root}/docs`, health: `${root}/health`, ready: `${root}/ready` },
      `${service.title} at ${root}${api.basePath} (docs ${root}/docs, health ${root}/health)`,
    );
  } catch (error) {
    logger.fatal({ err: error }, 'cannot start');
    await store.close();
    process.exit(1);
  }
}

/** Opens (and migrates) the store, then sets up the bootstrap admin under the start-up lock. */
async function openAndBootstrap<Config extends ServiceConfig, Store extends ServiceStore, Extras>(
  service: ServiceDefinition<Config, Store, Extras>,
  config: Config,
  hasher: Argon2idPasswordHasher,
  logger: Logger,
): Promise<{ store: Store; admin: BootstrapOutcome }> {
  const store = await service.openStore({
    databaseUrl: config.databaseUrl,
    dataDir: config.dataDir,
    fileName: `${service.name}.sqlite`,
    // The pool replaces the connection; requests meanwhile get 503.
    onConnectionError: (error) => logger.warn({ err: error }, 'lost a database connection'),
  });
  try {
    const admin = await store.exclusive(() =>
      bootstrapAdmin(service.adminAccounts(store), hasher, { username: config.adminUsername, password: config.adminPassword }),
    );
    return { store, admin };
  } catch (error) {
    await store.close();
    throw error;
  }
}

/** `docs.html` beside the bundle (`npm run build` copies it), else `specs/docs/<name>.html` when run from source. */
function findDocs(appUrl: string, name: string, logger: Logger): string | undefined {
  const candidates = [new URL('./docs.html', appUrl), new URL(`../../../specs/docs/${name}.html`, appUrl)];
  const found = candidates.find((url) => existsSync(url));
  if (found === undefined) logger.warn('no offline API reference: /docs answers 404 (run `npm run docs`, then `npm run build`)');
  return found === undefined ? undefined : fileURLToPath(found);
}
