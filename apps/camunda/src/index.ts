// The only file that starts anything: config → dependencies → bootstrap admin → serve.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Argon2idPasswordHasher, ConfigError, createLogger, serveApp } from '@repo/server-kit';
import { createApp } from './app.ts';
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

const logger = createLogger({ name: 'camunda', level: config.logLevel });
let store: SqlUserStore;
try {
  store = await SqlUserStore.open({ databaseUrl: config.databaseUrl, dataDir: config.dataDir, fileName: 'camunda.sqlite' });
} catch (error) {
  logger.fatal({ err: error }, 'cannot open the database');
  process.exit(1);
}
logger.info({ dialect: store.dialect, location: store.location }, `storing users in ${store.dialect} (${store.location})`);

try {
  const hasher = new Argon2idPasswordHasher();
  const admin = await bootstrapAdmin(store, hasher, { username: config.adminUsername, password: config.adminPassword });
  logAdmin(admin);

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
  });
  const served = await serveApp({ app, port: config.port, hostname: config.host, logger, onShutdown: () => store.close() });
  const origin = `http://${config.host === '0.0.0.0' || config.host === '::' || config.host === '127.0.0.1' ? 'localhost' : config.host}:${served.port}`;
  logger.info({ baseUrl: `${origin}/v2`, docs: `${origin}/docs`, health: `${origin}/health` }, `Camunda API at ${origin}/v2 (docs: ${origin}/docs)`);
} catch (error) {
  logger.fatal({ err: error }, 'start-up failed');
  await store.close();
  process.exit(1);
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
