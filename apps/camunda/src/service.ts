/** The Camunda users server, as the service shell starts it (and the stateful mock reuses it). */
import { defineService } from '@repo/service-shell';
import { createApp } from './app.ts';
import { loadConfig, type Config } from './config.ts';
import { refusedRequestProblem } from './errors.ts';
import { adminAccounts } from './services/admin-accounts.ts';
import { SqlUserStore } from './stores/sql-user-store.ts';

export const camundaService = defineService<Config, SqlUserStore>({
  name: 'camunda',
  title: 'Camunda API',
  loadConfig,
  openStore: (options) => SqlUserStore.open(options),
  adminAccounts,
  createApp,
  clientErrorResponse: refusedRequestProblem,
});

// What the stateful mock reuses besides the service.
export { camundaErrors } from './errors.ts';
export { FIRST_USER_KEY } from './stores/user-store.ts';
