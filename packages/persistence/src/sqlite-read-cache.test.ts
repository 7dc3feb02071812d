import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Kysely, SqliteDialect, sql, type Generated } from 'kysely';
import Database from 'libsql';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { openDatabase, type OpenedDatabase } from './database.ts';
import { libsqlForKysely } from './libsql-for-kysely.ts';
import { isCacheable, sqliteReadCache } from './sqlite-read-cache.ts';

interface TestDb {
  things: { id: Generated<number>; name: string; flag: number };
}

const open: Array<{ destroy(): Promise<void> }> = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((db) => db.destroy()));
});

/** Kysely over the cache over libsql, with a spy on the statements that reach libsql. */
async function setUp(capacity?: number) {
  const database = new Database(':memory:');
  const dataVersion = database.prepare('pragma data_version').raw(true);
  const inner = libsqlForKysely(database);
  const executed: string[] = [];
  const spied = {
    close: () => inner.close(),
    prepare: (text: string) => {
      const statement = inner.prepare(text);
      return {
        reader: statement.reader,
        all: (parameters: ReadonlyArray<unknown>) => (executed.push(text), statement.all(parameters)),
        run: (parameters: ReadonlyArray<unknown>) => (executed.push(text), statement.run(parameters)),
        iterate: (parameters: ReadonlyArray<unknown>) => (executed.push(text), statement.iterate(parameters)),
      };
    },
  };
  const cache = sqliteReadCache(spied, { dataVersion: () => (dataVersion.get([]) as unknown as [number])[0], ...(capacity === undefined ? {} : { capacity }) });
  const db = new Kysely<TestDb>({ dialect: new SqliteDialect({ database: cache }) });
  open.push(db);
  await sql`create table things (id integer primary key, name text not null unique, flag integer not null)`.execute(db);
  for (const name of ['a', 'b']) await db.insertInto('things').values({ name, flag: 0 }).execute();
  executed.length = 0;
  const reads = () => executed.filter((text) => text.startsWith('select')).length;
  return { db, executed, reads };
}

const byName = (db: Kysely<TestDb>, name: string) => db.selectFrom('things').selectAll().where('name', '=', name).executeTakeFirst();

describe('sqliteReadCache', () => {
  it('answers a repeated select from memory, per parameter list', async () => {
    const { db, reads } = await setUp();
    expect(await byName(db, 'a')).toEqual({ id: 1, name: 'a', flag: 0 });
    expect(await byName(db, 'a')).toEqual({ id: 1, name: 'a', flag: 0 });
    expect(await byName(db, 'b')).toEqual({ id: 2, name: 'b', flag: 0 });
    expect(await byName(db, 'zz')).toBeUndefined();
    expect(await byName(db, 'zz')).toBeUndefined();
    expect(reads()).toBe(3);
  });

  it('forgets everything when this connection writes, and reads the write', async () => {
    const { db, reads } = await setUp();
    await byName(db, 'a');
    await db.updateTable('things').set({ flag: 1 }).where('name', '=', 'a').execute();
    expect(await byName(db, 'a')).toEqual({ id: 1, name: 'a', flag: 1 });
    await db.deleteFrom('things').where('name', '=', 'a').execute();
    expect(await byName(db, 'a')).toBeUndefined();
    expect(reads()).toBe(3);
  });

  it('treats insert … returning as a write', async () => {
    const { db } = await setUp();
    expect(await byName(db, 'c')).toBeUndefined();
    expect(await db.insertInto('things').values({ name: 'c', flag: 0 }).returning('id').executeTakeFirst()).toEqual({ id: 3 });
    expect(await byName(db, 'c')).toEqual({ id: 3, name: 'c', flag: 0 });
  });

  it('does not keep what a rolled-back transaction read of its own writes', async () => {
    const { db } = await setUp();
    await expect(
      db.transaction().execute(async (trx) => {
        await trx.insertInto('things').values({ name: 'c', flag: 0 }).execute();
        expect(await byName(trx, 'c')).toMatchObject({ name: 'c' });
        throw new Error('abort');
      }),
    ).rejects.toThrow('abort');
    expect(await byName(db, 'c')).toBeUndefined();
  });

  it('forgets when a write fails too', async () => {
    const { db, reads } = await setUp();
    await byName(db, 'a');
    await expect(db.insertInto('things').values({ name: 'a', flag: 0 }).execute()).rejects.toMatchObject({ code: 'SQLITE_CONSTRAINT_UNIQUE' });
    await byName(db, 'a');
    expect(reads()).toBe(2);
  });

  it('hands out frozen rows in arrays of their own, so a caller cannot change a later answer', async () => {
    const { db } = await setUp();
    const row = (await byName(db, 'a'))!;
    expect(() => {
      (row as { flag: number }).flag = 5;
    }).toThrow(TypeError);
    expect(await byName(db, 'a')).toEqual({ id: 1, name: 'a', flag: 0 });
    const all = () => db.selectFrom('things').select('name').orderBy('name').execute();
    (await all()).reverse();
    expect(await all()).toEqual([{ name: 'a' }, { name: 'b' }]);
  });

  it('never remembers selects whose answer is not a function of the data', async () => {
    const { db, reads } = await setUp();
    await sql`select random() as r`.execute(db);
    await sql`select random() as r`.execute(db);
    expect(reads()).toBe(2);
    for (const text of ["select datetime('now')", 'select current_timestamp', 'select changes()', 'select last_insert_rowid()', 'select unixepoch()']) {
      expect(isCacheable(text), text).toBe(false);
    }
    for (const text of ['insert into t values (1) returning *', 'with x as (select 1) insert into t select * from x', 'pragma table_info(t)']) {
      expect(isCacheable(text), text).toBe(false);
    }
    expect(isCacheable('select "creation_time", "updated_at" from "users" where "id" = ?')).toBe(true);
  });

  it('keys parameters exactly (no two lists alike, types kept apart)', async () => {
    const { db } = await setUp();
    const pair = (x: unknown, y: unknown) => sql<{ x: unknown; y: unknown }>`select ${x} as x, ${y} as y`.execute(db).then((r) => r.rows[0]);
    expect(await pair('ab', 'c')).toEqual({ x: 'ab', y: 'c' });
    expect(await pair('a', 'bc')).toEqual({ x: 'a', y: 'bc' });
    expect(await pair('1', null)).toEqual({ x: '1', y: null });
    expect(await pair(1, null)).toEqual({ x: 1, y: null });
    expect(await pair(1n, 'null')).toEqual({ x: 1, y: 'null' });
  });

  it('evicts the least recently used result when full, and keeps none with a capacity of 0', async () => {
    const full = await setUp(2);
    for (const name of ['a', 'b', 'a', 'c', 'a', 'b']) await byName(full.db, name);
    // a, b, (a hit), c evicts b, (a hit), b evicts c
    expect(full.reads()).toBe(4);
    const off = await setUp(0);
    for (const name of ['a', 'a']) await byName(off.db, name);
    expect(off.reads()).toBe(2);
  });
});

describe('sqliteReadCache on a file shared with another connection', () => {
  const dir = mkdtempSync(join(tmpdir(), 'read-cache-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const options = { dataDir: dir, fileName: 'shared.sqlite' };

  it("sees another connection's commits at once (the WAL-index header), schema changes included", async () => {
    const server: OpenedDatabase<TestDb> = await openDatabase<TestDb>(options);
    const other: OpenedDatabase<TestDb> = await openDatabase<TestDb>(options);
    open.push({ destroy: () => server.close() }, { destroy: () => other.close() });
    await sql`create table things (id integer primary key, name text not null unique, flag integer not null)`.execute(server.db);
    await server.db.insertInto('things').values({ name: 'a', flag: 0 }).execute();
    expect(await byName(server.db, 'a')).toMatchObject({ flag: 0 });

    await other.db.updateTable('things').set({ flag: 7 }).execute();
    expect(await byName(server.db, 'a')).toMatchObject({ flag: 7 });

    await other.db.deleteFrom('things').execute();
    expect(await byName(server.db, 'a')).toBeUndefined();

    await server.db.insertInto('things').values({ name: 'a', flag: 1 }).execute();
    expect(await byName(server.db, 'a')).toMatchObject({ flag: 1 });
    await sql`alter table things rename to things_away`.execute(other.db);
    await expect(byName(server.db, 'a')).rejects.toThrow(/no such table/);
  });

  it("inside a read scope, sees another connection's commits made before it opened, and the next scope sees the rest", async () => {
    const server: OpenedDatabase<TestDb> = await openDatabase<TestDb>({ ...options, fileName: 'scoped.sqlite' });
    const other: OpenedDatabase<TestDb> = await openDatabase<TestDb>({ ...options, fileName: 'scoped.sqlite' });
    open.push({ destroy: () => server.close() }, { destroy: () => other.close() });
    await sql`create table things (id integer primary key, name text not null unique, flag integer not null)`.execute(server.db);
    await server.db.insertInto('things').values({ name: 'a', flag: 0 }).execute();
    expect(await byName(server.db, 'a')).toMatchObject({ flag: 0 });

    await other.db.updateTable('things').set({ flag: 1 }).execute();
    const first = server.changes!.openScope();
    expect(await byName(server.db, 'a')).toMatchObject({ flag: 1 });
    // Committed while the scope is open: this scope may answer from before it…
    await other.db.updateTable('things').set({ flag: 2 }).execute();
    expect(await byName(server.db, 'a')).toMatchObject({ flag: 1 });
    // …but its own connection's writes are seen at once…
    await server.db.updateTable('things').set({ flag: 3 }).execute();
    expect(await byName(server.db, 'a')).toMatchObject({ flag: 3 });
    await other.db.updateTable('things').set({ flag: 4 }).execute();
    // …and a scope opened later (a later request) sees the other connection's commit.
    const second = server.changes!.openScope();
    expect(await byName(server.db, 'a')).toMatchObject({ flag: 4 });
    second();
    first();
    first();
    // No scope open: every read checks again.
    await other.db.updateTable('things').set({ flag: 5 }).execute();
    expect(await byName(server.db, 'a')).toMatchObject({ flag: 5 });
  });

  it('is on by default and can be turned off', async () => {
    const [on, off] = await Promise.all([
      openDatabase<TestDb>({ ...options, fileName: 'on.sqlite' }),
      openDatabase<TestDb>({ ...options, fileName: 'off.sqlite', readCacheSize: 0 }),
    ]);
    open.push({ destroy: () => on.close() }, { destroy: () => off.close() });
    for (const { db } of [on, off]) {
      await sql`create table things (id integer primary key, name text not null unique, flag integer not null)`.execute(db);
      await db.insertInto('things').values({ name: 'a', flag: 0 }).execute();
    }
    // Remembered rows are frozen; rows straight from libsql are not.
    expect(Object.isFrozen(await byName(on.db, 'a'))).toBe(true);
    expect(Object.isFrozen(await byName(off.db, 'a'))).toBe(false);
  });
});
