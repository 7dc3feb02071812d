/**
 * The two stores every server suite runs on: embedded SQLite (always) and PostgreSQL (when it
 * answers at `TEST_DATABASE_URL`; unreachable: skipped with a warning, or a failure under `CI`).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { findTestPostgres, freshSchemaName } from '@repo/test-kit';
import type { ApiName } from './apis.ts';
import { startServer, type RunningServer, type StartServerOptions } from './start-server.ts';

export type StoreName = 'sqlite' | 'postgres';

/** One store to run a suite on. */
export type StoreTarget =
  | { name: 'sqlite'; available: true }
  | { name: 'postgres'; available: true; url: string }
  | { name: 'postgres'; available: false; reason: string };

/** SQLite, and PostgreSQL as {@link findTestPostgres} finds it (it throws under CI when it is down). */
export async function storeTargets(suite: string): Promise<StoreTarget[]> {
  const postgres = await findTestPostgres(suite);
  return [
    { name: 'sqlite', available: true },
    postgres.available ? { name: 'postgres', available: true, url: postgres.url } : { name: 'postgres', available: false, reason: postgres.reason },
  ];
}

/** How a suite names its store in test titles: `sqlite`, `postgres`, or why PostgreSQL is skipped. */
export function storeTitle(store: StoreTarget): string {
  return store.available ? store.name : `${store.name} (SKIPPED: ${store.reason})`;
}

/**
 * A database of its own on the test server. The apps hard-code their PostgreSQL schema (`camunda`,
 * `onezone`; `index.ts` passes no `pgSchema`), so a fresh schema cannot isolate a server: a fresh
 * database does.
 */
export async function createTestDatabase(url: string, prefix: string): Promise<{ url: string; drop(): Promise<void> }> {
  const name = freshSchemaName(prefix);
  await adminQuery(url, `create database ${pg.escapeIdentifier(name)}`);
  const databaseUrl = new URL(url);
  databaseUrl.pathname = `/${name}`;
  return {
    url: databaseUrl.toString(),
    drop: () => adminQuery(url, `drop database if exists ${pg.escapeIdentifier(name)} with (force)`),
  };
}

async function adminQuery(url: string, statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}

/** A server on a store, and how to dispose of both. */
export interface ServerOnStore {
  server: RunningServer;
  /** The `DATABASE_URL` it was given, when on PostgreSQL. */
  databaseUrl: string | undefined;
  /** Starts another process on the same data (stop the previous one first), with `changes` to the options it was started with. */
  restart(changes?: Partial<StartServerOptions>): Promise<RunningServer>;
  /** Stops the server (asserting exit 0) and removes its data. */
  dispose(): Promise<void>;
}

/** Starts `api` on `store`: a fresh temp folder for SQLite, a fresh database for PostgreSQL. */
export async function startOnStore(api: ApiName, store: StoreTarget, options: Partial<StartServerOptions> = {}): Promise<ServerOnStore> {
  if (!store.available) throw new Error(`store ${store.name} is unavailable: ${store.reason}`);
  // Ours, not the server's: it must outlive a stopped process for a restart.
  const dataDir = mkdtempSync(join(tmpdir(), `contract-${api}-`));
  const database = store.name === 'postgres' ? await createTestDatabase(store.url, `contract_${api}`) : undefined;
  const removeData = async () => {
    rmSync(dataDir, { recursive: true, force: true });
    await database?.drop();
  };
  const start = (changes: Partial<StartServerOptions> = {}) =>
    startServer({ ...options, ...changes, api, dataDir, ...(database ? { databaseUrl: database.url } : {}) });
  const started: RunningServer[] = [];
  try {
    started.push(await start());
  } catch (error) {
    await removeData();
    throw error;
  }
  return {
    server: started[0]!,
    databaseUrl: database?.url,
    async restart(changes) {
      started.push(await start(changes));
      return started.at(-1)!;
    },
    async dispose() {
      try {
        // stop() is idempotent: a process the test stopped already is not signalled again.
        for (const server of started) await server.stop();
      } finally {
        await removeData();
      }
    },
  };
}
