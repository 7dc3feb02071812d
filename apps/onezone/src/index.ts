/** Starts the Onezone server: config → dependencies → serve. The only file that starts anything. */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Argon2idPasswordHasher } from '@repo/auth';
import { ConfigError, createLogger } from '@repo/config';
import { serveApp } from '@repo/http';
import { DatabaseUnreachableError, waitForDatabase } from '@repo/persistence';
import { createApp } from './app.ts';
import { refusedRequestError } from './errors.ts';
import { loadConfig, type Config } from './config.ts';
import { bootstrapAdmin, type BootstrapOutcome } from './services/bootstrap-admin.ts';
import { loadTokenKey } from './tokens/token-key.ts';
import { SqlUserStore } from './stores/sql-user-store.ts';

let config: Config;
try {
  config = loadConfig();
} catch (error) {
  if (!(error instanceof ConfigError)) throw error;
  console.error(`onezone: invalid configuration: ${error.message}`);
  process.exit(1);
}

const logger = createLogger({ name: 'onezone', level: config.logLevel, format: config.logFormat });
const hasher = new Argon2idPasswordHasher();
let store: SqlUserStore;
let admin: BootstrapOutcome;
try {
  // A database that is not up yet (starting with it, a failover) is waited for, within a bound.
  ({ store, admin } = await waitForDatabase(openAndBootstrap, { timeoutMs: config.databaseStartupTimeoutSeconds * 1000, logger }));
} catch (error) {
  if (error instanceof DatabaseUnreachableError) logger.fatal(`cannot start: ${error.message}`);
  else logger.fatal({ err: error }, 'could not set up the database or the bootstrap admin');
  process.exit(1);
}
logger.info({ dialect: store.dialect, location: store.location }, `storage: ${store.dialect} at ${store.location}`);
if (admin.action === 'generated') {
  // Shown once: only its hash is stored. Deliberately not a structured field, so log redaction
  // rules written for `password` keys do not hide it from the one person who needs it.
  logger.warn(
    { adminUsername: admin.username },
    `======== BOOTSTRAP ADMIN CREATED: username "${admin.username}", password "${admin.password}" (shown only this once; set ADMIN_PASSWORD to choose it) ========`,
  );
} else if (admin.action === 'kept') {
  logger.info(`admin: kept the existing admin (its password was printed on the first start; set ADMIN_PASSWORD to reset it)`);
} else {
  logger.info({ adminUsername: admin.username, action: admin.action }, `admin "${admin.username}": ${admin.action}, password from ADMIN_PASSWORD`);
}

let tokenKey: Awaited<ReturnType<typeof loadTokenKey>>;
try {
  tokenKey = await loadTokenKey(config.tokenKey, config.dataDir);
} catch (error) {
  logger.fatal({ err: error }, 'could not read or create the client token key (set ONEZONE_TOKEN_KEY or fix DATA_DIR)');
  await store.close();
  process.exit(1);
}
if (tokenKey.source === 'env') {
  logger.info('client tokens: key from ONEZONE_TOKEN_KEY');
} else {
  logger.info({ tokenKeyFile: tokenKey.file }, `client tokens: key ${tokenKey.source === 'file-created' ? 'created in' : 'read from'} ${tokenKey.file}`);
  // Replicas on one PostgreSQL database each make their own key file: tokens still work everywhere, but each lists only its own.
  if (store.dialect === 'postgres') logger.warn('client tokens: on PostgreSQL set ONEZONE_TOKEN_KEY, the same on every replica');
}

const { app, api } = createApp({
  store,
  hasher,
  logger,
  config,
  tokenKey: tokenKey.key,
  docsFile: findDocs(),
  ready: () => store.ready(),
  signInThrottle: store.signInThrottle(config.signIn),
});
const served = await serveApp({
  app,
  port: config.port,
  hostname: config.host,
  logger,
  limits: config.serving,
  clientErrorResponse: refusedRequestError,
  onShutdown: async () => {
    await store.close();
    logger.info('database closed');
  },
});

const shownHost = ['0.0.0.0', '::', '127.0.0.1', '::1'].includes(config.host) ? 'localhost' : config.host;
const root = `http://${shownHost}:${served.port}`;
logger.info(
  { baseUrl: `${root}${api.basePath}`, docs: `${root}/docs`, health: `${root}/health`, ready: `${root}/ready` },
  `Onezone API at ${root}${api.basePath} (docs ${root}/docs, health ${root}/health)`,
);

/** Opens (and migrates) the store, then sets up the bootstrap admin under the start-up lock. */
async function openAndBootstrap(): Promise<{ store: SqlUserStore; admin: BootstrapOutcome }> {
  const opened = await SqlUserStore.open({
    databaseUrl: config.databaseUrl,
    dataDir: config.dataDir,
    fileName: 'onezone.sqlite',
    // The pool replaces the connection; requests meanwhile get 503.
    onConnectionError: (error) => logger.warn({ err: error }, 'lost a database connection'),
  });
  try {
    const outcome = await opened.exclusive(() => bootstrapAdmin(opened, hasher, { username: config.adminUsername, password: config.adminPassword }));
    return { store: opened, admin: outcome };
  } catch (error) {
    await opened.close();
    throw error;
  }
}

/** `dist/docs.html` beside the bundle, else the specs' rendering when run from source (`npm run dev`). */
function findDocs(): string {
  const candidates = [new URL('./docs.html', import.meta.url), new URL('../../../specs/docs/onezone.html', import.meta.url)].map((url) => fileURLToPath(url));
  return candidates.find((file) => existsSync(file)) ?? candidates[0]!;
}
