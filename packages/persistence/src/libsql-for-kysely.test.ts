import { Kysely, SqliteDialect, sql, type Generated } from 'kysely';
import Database from 'libsql';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { libsqlForKysely } from './libsql-for-kysely.ts';

interface TestDb {
  things: { id: Generated<number>; name: string; flag: number };
}

const open: Array<Kysely<TestDb>> = [];

async function setUp(statementCacheSize?: number) {
  const database = new Database(':memory:');
  const prepare = vi.spyOn(database, 'prepare');
  const options = statementCacheSize === undefined ? {} : { statementCacheSize };
  const db = new Kysely<TestDb>({ dialect: new SqliteDialect({ database: libsqlForKysely(database, options) }) });
  open.push(db);
  await sql`create table things (id integer primary key, name text not null unique, flag integer not null)`.execute(db);
  prepare.mockClear();
  return { db, database, prepare };
}

afterEach(async () => {
  await Promise.all(open.splice(0).map((db) => db.destroy()));
});

const byName = (db: Kysely<TestDb>, name: string) => db.selectFrom('things').selectAll().where('name', '=', name).executeTakeFirst();

describe('libsqlForKysely', () => {
  it('prepares a statement once and reuses it with other parameters', async () => {
    const { db, prepare } = await setUp();
    for (const name of ['a', 'b', 'c']) await db.insertInto('things').values({ name, flag: 0 }).execute();
    expect(await byName(db, 'a')).toEqual({ id: 1, name: 'a', flag: 0 });
    expect(await byName(db, 'b')).toEqual({ id: 2, name: 'b', flag: 0 });
    expect(await byName(db, 'zz')).toBeUndefined();
    expect(prepare).toHaveBeenCalledTimes(2); // one insert, one select
  });

  it('reports changes and the insert id from a reused statement', async () => {
    const { db } = await setUp();
    const first = await db.insertInto('things').values({ name: 'a', flag: 0 }).executeTakeFirst();
    const second = await db.insertInto('things').values({ name: 'b', flag: 0 }).executeTakeFirst();
    expect([first.insertId, second.insertId]).toEqual([1n, 2n]);
    const updated = await db.updateTable('things').set({ flag: 1 }).where('id', '>', 0).executeTakeFirst();
    expect(updated.numUpdatedRows).toBe(2n);
  });

  it('binds booleans as 1 and 0', async () => {
    const { db } = await setUp();
    await db.insertInto('things').values({ name: 'yes', flag: true as unknown as number }).execute();
    await db.insertInto('things').values({ name: 'no', flag: false as unknown as number }).execute();
    expect((await byName(db, 'yes'))?.flag).toBe(1);
    expect((await byName(db, 'no'))?.flag).toBe(0);
  });

  it('keeps a statement usable after it failed', async () => {
    const { db } = await setUp();
    const insert = (name: string) => db.insertInto('things').values({ name, flag: 0 }).returning('id').executeTakeFirstOrThrow();
    await insert('a');
    await expect(insert('a')).rejects.toMatchObject({ code: 'SQLITE_CONSTRAINT_UNIQUE' });
    expect(await insert('b')).toEqual({ id: 2 });
  });

  it('still answers after the schema changes', async () => {
    const { db } = await setUp();
    await db.insertInto('things').values({ name: 'a', flag: 0 }).execute();
    expect(await byName(db, 'a')).toEqual({ id: 1, name: 'a', flag: 0 });
    await sql`alter table things add column note text`.execute(db);
    expect(await byName(db, 'a')).toEqual({ id: 1, name: 'a', flag: 0, note: null });
  });

  it('rolls a transaction back and commits the next one on the cached begin/commit statements', async () => {
    const { db } = await setUp();
    await expect(
      db.transaction().execute(async (trx) => {
        await trx.insertInto('things').values({ name: 'a', flag: 0 }).execute();
        throw new Error('abort');
      }),
    ).rejects.toThrow('abort');
    await db.transaction().execute((trx) => trx.insertInto('things').values({ name: 'b', flag: 0 }).execute());
    expect(await db.selectFrom('things').select('name').execute()).toEqual([{ name: 'b' }]);
  });

  it('streams on a statement of its own, so an unfinished stream does not disturb later queries', async () => {
    const { db } = await setUp();
    for (const name of ['a', 'b', 'c']) await db.insertInto('things').values({ name, flag: 0 }).execute();
    const query = db.selectFrom('things').select('name').orderBy('id');
    for await (const row of query.stream()) {
      expect(row).toEqual({ name: 'a' });
      break;
    }
    expect(await query.execute()).toEqual([{ name: 'a' }, { name: 'b' }, { name: 'c' }]);
    const streamed: unknown[] = [];
    for await (const row of query.stream()) streamed.push(row);
    expect(streamed).toHaveLength(3);
  });

  it('evicts the least recently used statement when full', async () => {
    const { db, prepare } = await setUp(2);
    const q1 = () => sql`select 1 as n`.execute(db);
    const q2 = () => sql`select 2 as n`.execute(db);
    const q3 = () => sql`select 3 as n`.execute(db);
    await q1();
    await q2();
    await q1(); // q2 is now the least recently used
    await q3(); // evicts q2
    expect(prepare).toHaveBeenCalledTimes(3);
    await q1();
    await q3();
    expect(prepare).toHaveBeenCalledTimes(3);
    await q2();
    expect(prepare).toHaveBeenCalledTimes(4);
  });

  it('prepares every statement anew with a cache size of 0', async () => {
    const { db, prepare } = await setUp(0);
    await byName(db, 'a');
    await byName(db, 'a');
    expect(prepare).toHaveBeenCalledTimes(2);
  });

  it('closes the database with statements cached', async () => {
    const { db, database } = await setUp();
    await byName(db, 'a');
    await db.destroy();
    expect(database.open).toBe(false);
  });
});
