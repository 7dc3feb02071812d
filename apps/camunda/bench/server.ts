// A server for the benchmark, run pinned to one core by run.ts: `real` is the Camunda app on a
// fresh SQLite file with the production hasher; `bare` is a plain Hono route answering the JSON
// the real searchUsers answers. Prints `READY <port>` once listening; exits on SIGTERM.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Hono } from 'hono';
import { Argon2idPasswordHasher } from '@repo/auth';
import { createLogger } from '@repo/config';
import { serveBenchApp } from '@repo/bench';
import { createApp } from '../src/app.ts';
import { loadConfig } from '../src/config.ts';
import { USER_MANAGEMENT } from '../src/services/principal.ts';
import { SqlUserStore } from '../src/stores/sql-user-store.ts';
import { BENCH_ADMIN } from './bench-admin.ts';

/** Users seeded before the read case, so that searchUsers returns a realistic page. */
const SEEDED = 20;

const mode = process.argv[2];
const logger = createLogger({ name: 'bench', level: 'warn' });
const dataDir = mkdtempSync(join(tmpdir(), 'camunda-bench-'));
const store = await SqlUserStore.open({ dataDir, fileName: 'camunda.sqlite' });
const hasher = new Argon2idPasswordHasher();
await store.create({ ...BENCH_ADMIN, name: '', email: '', passwordHash: await hasher.hash(BENCH_ADMIN.password), permissions: [USER_MANAGEMENT] });
for (let i = 0; i < SEEDED; i++) {
  await store.create({ username: `seed${i}`, name: `Seed ${i}`, email: `seed${i}@example.com`, passwordHash: 'x', permissions: [] });
}

let app: { fetch: (request: Request, env: unknown) => Response | Promise<Response> };
if (mode === 'real') {
  app = createApp({ config: { ...loadConfig({}), responseValidation: 'off' }, store, hasher, logger }).app;
} else if (mode === 'bare') {
  // The same bytes the real endpoint answers, computed once from the same store.
  const { items, totalItems } = await store.search({ from: 0, limit: 100 });
  const body = { items, page: { totalItems } };
  const bare = new Hono();
  bare.post('/v2/users/search', (c) => c.json(body));
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
});
