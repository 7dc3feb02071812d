import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql, type Kysely, type Migration } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import type { OpenDatabaseOptions, OpenedDatabase, SqlDialect } from './database.ts';
import { SqlStore, type SqlStoreSchema } from './sql-store.ts';

const create: Migration = { up: (db: Kysely<any>) => db.schema.createTable('notes').addColumn('text', 'text').execute() };
const addColumn: Migration = { up: (db: Kysely<any>) => db.schema.alterTable('notes').addColumn('extra', 'text').execute() };

/** A store of one table, on the skeleton; `migrations` say what its schema is at this version. */
class NoteStore extends SqlStore<{ notes: { text: string } }> {
  static open(options: OpenDatabaseOptions, migrations: Record<string, Migration>) {
    const schema: SqlStoreSchema = { pgSchema: 'notes', migrations: (_: SqlDialect) => migrations };
    return SqlStore.openStore(options, schema, (database: OpenedDatabase<{ notes: { text: string } }>) => new NoteStore(database, schema));
  }
  async add(text: string) {
    await this.db.insertInto('notes').values({ text }).execute();
  }
  async all() {
    return (await this.db.selectFrom('notes').select('text').execute()).map((r) => r.text);
  }
}

describe('SqlStore', () => {
  const dirs: string[] = [];
  afterEach(() => dirs.splice(0).forEach((dir) => rmSync(dir, { recursive: true, force: true })));
  const fileOptions = () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'sql-store-'));
    dirs.push(dataDir);
    return { dataDir, fileName: 'notes.sqlite' };
  };

  it('opens migrated and ready, and keeps its data across a reopen', async () => {
    const options = fileOptions();
    const store = await NoteStore.open(options, { '0001': create });
    await expect(store.ready()).resolves.toBeUndefined();
    await store.add('kept');
    await store.close();
    const again = await NoteStore.open(options, { '0001': create });
    expect(await again.all()).toEqual(['kept']);
    expect([again.dialect, again.location]).toEqual(['sqlite', join(options.dataDir, 'notes.sqlite')]);
    await again.close();
  });

  it('is not ready while a migration it knows of is not applied', async () => {
    const options = fileOptions();
    await (await NoteStore.open(options, { '0001': create })).close();
    const older = await NoteStore.open(options, { '0001': create });
    const newer = new NoteStore(older.database, { pgSchema: 'notes', migrations: () => ({ '0001': create, '0002': addColumn }) });
    await expect(newer.ready()).rejects.toThrow(/migrations not applied: 0002/);
    await older.close();
  });

  it('runs an action under the start-up lock and passes its result on', async () => {
    const store = await NoteStore.open({ inMemory: true, dataDir: 'unused', fileName: 'unused' }, { '0001': create });
    expect(await store.exclusive(async () => (await sql<{ one: number }>`select 1 as one`.execute(store.database.db)).rows[0]?.one)).toBe(1);
    await store.close();
  });

  it('closes the database when a migration fails, and rethrows', async () => {
    const broken: Migration = { up: () => Promise.reject(new Error('bad migration')) };
    await expect(NoteStore.open(fileOptions(), { '0001': broken })).rejects.toThrow('bad migration');
  });
});
