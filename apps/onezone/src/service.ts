/** The Onezone users server, as the service shell starts it (and the stateful mock reuses it). */
import { defineService } from '@repo/service-shell';
import { createApp, type AppExtras } from './app.ts';
import { loadConfig, type Config } from './config.ts';
import { refusedRequestError } from './errors.ts';
import { adminAccounts } from './services/admin-accounts.ts';
import { SqlUserStore } from './stores/sql-user-store.ts';
import { loadTokenKey } from './tokens/token-key.ts';

export const onezoneService = defineService<Config, SqlUserStore, AppExtras>({
  name: 'onezone',
  title: 'Onezone API',
  loadConfig,
  openStore: (options) => SqlUserStore.open(options),
  adminAccounts,
  // The client token key: from ONEZONE_TOKEN_KEY, else a key file in DATA_DIR made on the first start.
  prepare: async ({ config, store, logger }) => {
    const tokenKey = await loadTokenKey(config.tokenKey, config.dataDir);
    if (tokenKey.source === 'env') {
      logger.info('client tokens: key from ONEZONE_TOKEN_KEY');
    } else {
      logger.info({ tokenKeyFile: tokenKey.file }, `client tokens: key ${tokenKey.source === 'file-created' ? 'created in' : 'read from'} ${tokenKey.file}`);
      // Replicas on one PostgreSQL database each make their own key file: tokens still work everywhere, but each lists only its own.
      if (store.dialect === 'postgres') logger.warn('client tokens: on PostgreSQL set ONEZONE_TOKEN_KEY, the same on every replica');
    }
    return { tokenKey: tokenKey.key };
  },
  createApp,
  clientErrorResponse: refusedRequestError,
});

// What the stateful mock reuses besides the service.
export { REALM } from './app.ts';
export { onezoneErrors } from './errors.ts';
