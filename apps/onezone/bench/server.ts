// A server for the benchmark, run pinned to one core by run.ts: `real` is the Onezone app on a
// fresh SQLite file with the production hasher; `bare` is a plain Hono route answering the JSON
// the real get_user answers. Prints `READY <port> <userId>` once listening; exits on SIGTERM.
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Hono } from 'hono';
import { Argon2idPasswordHasher, bootstrapAdmin } from '@repo/auth';
import { createLogger } from '@repo/config';
import { serveBenchApp } from '@repo/bench';
import { createApp } from '../src/app.ts';
import { userProtectedInfo } from '../src/routes/users/user-protected-info.ts';
import { adminAccounts } from '../src/services/admin-accounts.ts';
import { loadConfig } from '../src/config.ts';
import { SqlUserStore } from '../src/stores/sql-user-store.ts';

const BENCH_ADMIN = { username: 'bench-admin', password: 'bench-admin-Passw0rd' } as const;

const mode = process.argv[2];
const logger = createLogger({ name: 'bench', level: 'warn' });
const dataDir = mkdtempSync(join(tmpdir(), 'onezone-bench-'));
const store = await SqlUserStore.open({ dataDir, fileName: 'onezone.sqlite' });
const hasher = new Argon2idPasswordHasher();
await bootstrapAdmin(adminAccounts(store), hasher, BENCH_ADMIN);
const user = await store.create({ username: 'r.lingens', fullName: 'Rudolf Lingens', passwordHash: 'x', privileges: [] });

let app: { fetch: (request: Request, env: unknown) => Response | Promise<Response> };
if (mode === 'real') {
  const config = { ...loadConfig({}), responseValidation: 'off' as const };
  app = createApp({ store, hasher, logger, config, tokenKey: randomBytes(32) }).app;
} else if (mode === 'bare') {
  // The same bytes the real endpoint answers, computed once from the same store.
  const body = userProtectedInfo(user);
  const bare = new Hono();
  bare.get('/api/v3/onezone/users/:id', (c) => c.json(body));
  app = bare;
} else {
  throw new Error(`usage: server.ts real|bare, got ${String(mode)}`);
}

await serveBenchApp({
  app,
  logger,
  onShutdown: async () => {
    await store.close();
    rmSync(dataDir, { recursive: true, force: true });
  },
  fields: [user.id],
});
