import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { dropSchema, findTestPostgres, freshSchemaName } from './postgres.ts';

/** Where a store opens: the subset of persistence's `OpenDatabaseOptions` the backends set. */
export interface StoreLocation {
  databaseUrl?: string | undefined;
  pgSchema?: string | undefined;
  dataDir: string;
  fileName: string;
  inMemory?: boolean;
}

/** One place a store's conformance suite runs: how to open a fresh store there and clean up after. */
export interface StoreBackend<S> {
  /** E.g. `SQLite in memory`, `a SQLite file`, `PostgreSQL`. */
  name: string;
  /** Whether data outlives closing the store (false for in-memory SQLite). */
  persistent: boolean;
  /** A fresh, isolated place per suite run: a temp folder or a new PostgreSQL schema. */
  setUp(): Promise<{ open: () => Promise<S>; destroy: () => Promise<void> }>;
}

/**
 * The backends every store conformance suite runs on: SQLite in memory, SQLite in a temp file, and
 * PostgreSQL when it answers (`skipped` says why not; outside CI only, see {@link findTestPostgres}).
 */
export async function storeBackends<S>(
  app: string,
  open: (options: StoreLocation) => Promise<S>,
): Promise<{ backends: StoreBackend<S>[]; skipped: string | undefined }> {
  const fileName = `${app}.sqlite`;
  const backends: StoreBackend<S>[] = [
    {
      name: 'SQLite in memory',
      persistent: false,
      setUp: async () => ({ open: () => open({ inMemory: true, dataDir: 'unused', fileName }), destroy: async () => {} }),
    },
    {
      name: 'a SQLite file',
      persistent: true,
      setUp: async () => {
        const dataDir = mkdtempSync(join(tmpdir(), `${app}-store-`));
        return { open: () => open({ dataDir, fileName }), destroy: async () => rmSync(dataDir, { recursive: true, force: true }) };
      },
    },
  ];
  const pg = await findTestPostgres(`${app} UserStore conformance on PostgreSQL`);
  if (pg.available) {
    backends.push({
      name: 'PostgreSQL',
      persistent: true,
      setUp: async () => {
        const pgSchema = freshSchemaName(`test_${app}`);
        return { open: () => open({ databaseUrl: pg.url, pgSchema, dataDir: 'unused', fileName }), destroy: () => dropSchema(pg.url, pgSchema) };
      },
    });
  }
  return { backends, skipped: pg.available ? undefined : pg.reason };
}
