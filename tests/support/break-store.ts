import { openDatabase } from '@repo/persistence';
import type { ApiName } from './apis.ts';

/** Where a running server keeps its users. */
export interface StoreLocation {
  api: ApiName;
  /** Its SQLite folder (`<api>.sqlite` inside). */
  dataDir: string;
  /** Its PostgreSQL database, when it uses one (tables in schema `<api>`). */
  databaseUrl?: string | undefined;
}

/**
 * Runs `action` while the server's `users` table is renamed away, from a second connection to
 * its own database: every query the server makes then fails as a real storage fault would, and
 * the server must answer 500 in its API's format. The table is renamed back afterwards.
 */
export async function withBrokenStore<T>(location: StoreLocation, action: () => Promise<T>): Promise<T> {
  const database = await openServerDatabase(location);
  try {
    await database.db.schema.alterTable('users').renameTo('users_broken').execute();
    try {
      return await action();
    } finally {
      await database.db.schema.alterTable('users_broken').renameTo('users').execute();
    }
  } finally {
    await database.close();
  }
}

/** A second connection to the server's own database (its SQLite file, or its PostgreSQL schema). */
export function openServerDatabase(location: StoreLocation): ReturnType<typeof openDatabase<any>> {
  return openDatabase<any>({
    databaseUrl: location.databaseUrl,
    dataDir: location.dataDir,
    fileName: `${location.api}.sqlite`,
    pgSchema: location.api,
    pgPoolSize: 1,
  });
}
