// The only file that starts anything: config → dependencies → bootstrap admin → serve.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Argon2idPasswordHasher } from '@repo/auth';
import { ConfigError, createLogger } from '@repo/config';
import { serveApp } from '@repo/http';
import { DatabaseUnreachableError, waitForDatabase } from '@repo/persistence';
import { createApp } from './app.ts';
import { refusedRequestProblem } from './errors.ts';
import { loadConfig, type Config } from './config.ts';
import { bootstrapAdmin, type BootstrapOutcome } from './services/bootstrap-admin.ts';
import { SqlUserStore } from './stores/sql-user-store.ts';

let config: Config;
try {
  config = loadConfig();
} catch (error) {
  if (!(error instanceof ConfigError)) throw error;
  console.error(`camunda: invalid configuration: ${error.message}`);
  process.exit(1);
}

const logger = createLogger({ name: 'camunda', level: config.logLevel, format: config.logFormat });
const hasher = new Argon2idPasswordHasher();
let store: SqlUserStore;
let admin: BootstrapOutcome;
try {
  // A database that is not up yet (starting with it, a failover) is waited for, within a bound.
  ({ store, admin } = await waitForDatabase(openAndBootstrap, { timeoutMs: config.databaseStartupTimeoutSeconds * 1000, logger }));
} catch (error) {
  if (error instanceof DatabaseUnreachableError) logger.fatal(`cannot start: ${error.message}`);
  else logger.fatal({ err: error }, 'start-up failed: cannot set up the database');
  process.exit(1);
}
logger.info({ dialect: store.dialect, location: store.location }, `storing users in ${store.dialect} (${store.location})`);
logAdmin(admin);

try {
  const { app } = createApp({
    store,
    hasher,
    logger,
    responseValidation: config.responseValidation,
    corsOrigins: config.corsOrigins,
    authCacheSeconds: config.authCacheSeconds,
    bodyLimitBytes: config.bodyLimitBytes,
    publicBaseUrl: config.publicBaseUrl,
    docsHtml: readDocs(),
    ready: () => store.ready(),
    signInThrottle: store.signInThrottle(config.signIn),
    trustProxyHops: config.trustProxyHops,
  });
  const served = await serveApp({
    app,
    port: config.port,
    hostname: config.host,
    logger,
    limits: config.serving,
    clientErrorResponse: refusedRequestProblem,
    onShutdown: () => store.close(),
  });
  const origin = `http://${config.host === '0.0.0.0' || config.host === '::' || config.host === '127.0.0.1' ? 'localhost' : config.host}:${served.port}`;
  logger.info({ baseUrl: `${origin}/v2`, docs: `${origin}/docs`, health: `${origin}/health`, ready: `${origin}/ready` }, `Camunda API at ${origin}/v2 (docs: ${origin}/docs)`);
} catch (error) {
  logger.fatal({ err: error }, 'start-up failed');
  await store.close();
  process.exit(1);
}

/** Opens (and migrates) the store, then sets up the bootstrap admin under the start-up lock. */
async function openAndBootstrap(): Promise<{ store: SqlUserStore; admin: BootstrapOutcome }> {
  const opened = await SqlUserStore.open({
    databaseUrl: config.databaseUrl,
    dataDir: config.dataDir,
    fileName: 'camunda.sqlite',
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

function logAdmin(outcome: BootstrapOutcome): void {
  const user = outcome.username;
  switch (outcome.action) {
    case 'generated':
      // Shown once: only its hash is stored. The message, not a field, so redaction keeps it.
      logger.warn(
        `*** BOOTSTRAP ADMIN CREATED: username "${user}", password "${outcome.password}" — shown only now; ` +
          'set ADMIN_PASSWORD to choose it instead ***',
      );
      return;
    case 'created':
      return logger.info(`bootstrap admin "${user}" created with the password from ADMIN_PASSWORD`);
    case 'reset':
      return logger.warn(`bootstrap admin "${user}" reset to the password from ADMIN_PASSWORD`);
    case 'unchanged':
      return logger.info(`bootstrap admin "${user}" uses the password from ADMIN_PASSWORD`);
    case 'kept':
      return logger.info(`an admin exists; its password was printed on the first start (set ADMIN_PASSWORD to reset "${user}")`);
  }
}

/** The offline reference: dist/docs.html next to the bundle, else the one `npm run docs` wrote (dev). */
function readDocs(): string | undefined {
  for (const candidate of ['./docs.html', '../../../specs/docs/camunda.html']) {
    try {
      return readFileSync(fileURLToPath(new URL(candidate, import.meta.url)), 'utf8');
    } catch {
      // try the next one
    }
  }
  logger.warn('no offline API reference found: /docs answers 404 (run `npm run docs` in specs/, then rebuild)');
  return undefined;
}
