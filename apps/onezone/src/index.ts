/** Starts the Onezone server: config → dependencies → serve. The only file that starts anything. */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Argon2idPasswordHasher, ConfigError, createLogger, serveApp } from '@repo/server-kit';
import { createApp } from './app.ts';
import { loadConfig, type Config } from './config.ts';
import { bootstrapAdmin } from './services/bootstrap-admin.ts';
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

const logger = createLogger({ name: 'onezone', level: config.logLevel });
const hasher = new Argon2idPasswordHasher();
const store = await SqlUserStore.open({ databaseUrl: config.databaseUrl, dataDir: config.dataDir, fileName: 'onezone.sqlite' });
logger.info({ dialect: store.dialect, location: store.location }, `storage: ${store.dialect} at ${store.location}`);

try {
  const admin = await bootstrapAdmin(store, hasher, { username: config.adminUsername, password: config.adminPassword });
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
} catch (error) {
  logger.fatal({ err: error }, 'could not set up the bootstrap admin');
  await store.close();
  process.exit(1);
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

const { app, api } = createApp({ store, hasher, logger, config, tokenKey: tokenKey.key, docsFile: findDocs() });
const served = await serveApp({
  app,
  port: config.port,
  hostname: config.host,
  logger,
  onShutdown: async () => {
    await store.close();
    logger.info('database closed');
  },
});

const shownHost = ['0.0.0.0', '::', '127.0.0.1', '::1'].includes(config.host) ? 'localhost' : config.host;
const root = `http://${shownHost}:${served.port}`;
logger.info(
  { baseUrl: `${root}${api.basePath}`, docs: `${root}/docs`, health: `${root}/health` },
  `Onezone API at ${root}${api.basePath} (docs ${root}/docs, health ${root}/health)`,
);

/** `dist/docs.html` beside the bundle, else the specs' rendering when run from source (`npm run dev`). */
function findDocs(): string {
  const candidates = [new URL('./docs.html', import.meta.url), new URL('../../../specs/docs/onezone.html', import.meta.url)].map((url) => fileURLToPath(url));
  return candidates.find((file) => existsSync(file)) ?? candidates[0]!;
}
