import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql, type Kysely, type Migration } from 'kysely';
import Database from 'libsql';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { openDatabase, type OpenedDatabase } from './database.ts';
import { isUniqueViolation } from './is-unique-violation.ts';
import { pendingMigrations, runMigrations } from './run-migrations.ts';
import { StoreUnavailableError } from './store-unavailable-error.ts';
import { dropSchema, findTestPostgres, freshSchemaName } from '@repo/test-support';

interface TestDb {
  things: { id: number; name: string; flag: number | boolean };
}

const migrations: Record<string, Migration> = {
  '0001_things': {
    async up(db: Kysely<any>) {
      await db.schema
        .createTable('things')
        .addColumn('id', 'integer', (c) => c.primaryKey())
        .addColumn('name', 'text', (c) => c.notNull().unique())
        .addColumn('flag', 'boolean', (c) => c.notNull())
        .execute();
    },
  },
};

function exercise(open: () => Promise<OpenedDatabase<TestDb>>) {
  it('runs the migrations once, then reports nothing pending', async () => {
    const { db, dialect, close } = await open();
    try {
      expect(await pendingMigrations(db, { migrations, dialect })).toEqual(['0001_things']);
      expect(await runMigrations(db, { migrations, dialect })).toEqual(['0001_things']);
      expect(await runMigrations(db, { migrations, dialect })).toEqual([]);
      expect(await pendingMigrations(db, { migrations, dialect })).toEqual([]);
    } finally {
      await close();
    }
  });

  it('writes booleans and reads integers as numbers', async () => {
    const { db, dialect, close } = await open();
    try {
      await runMigrations(db, { migrations, dialect });
      await db.insertInto('things').values({ id: 1, name: 'a', flag: true }).execute();
      const row = await db.selectFrom('things').select(['id', 'flag', sql<number>`count(*) over ()`.as('n')]).executeTakeFirstOrThrow();
      expect(row.id).toBe(1);
      expect(row.n).toBe(1);
      expect(Boolean(row.flag)).toBe(true);
    } finally {
      await close();
    }
  });

  it('raises an error isUniqueViolation recognises on a duplicate', async () => {
    const { db, dialect, close } = await open();
    try {
      await runMigrations(db, { migrations, dialect });
      await db.insertInto('things').values({ id: 1, name: 'same', flag: false }).execute();
      const error = await db.insertInto('things').values({ id: 2, name: 'same', flag: false }).execute().catch((e: unknown) => e);
      expect(isUniqueViolation(error)).toBe(true);
    } finally {
      await close();
    }
  });
}

describe('openDatabase on SQLite in memory', () => {
  exercise(() => openDatabase<TestDb>({ dataDir: 'unused', fileName: 'unused', inMemory: true }));

  it('reports the sqlite dialect and :memory:', async () => {
    const opened = await openDatabase<TestDb>({ dataDir: 'unused', fileName: 'unused', inMemory: true });
    expect([opened.dialect, opened.location]).toEqual(['sqlite', ':memory:']);
    await opened.close();
  });

  it('opens read scopes without a statement: no other connection can write a private in-memory database', async () => {
    const opened = await openDatabase<TestDb>({ dataDir: 'unused', fileName: 'unused', inMemory: true });
    await runMigrations(opened.db, { migrations, dialect: 'sqlite' });
    // libsql's statements share one prototype: count what runs while scopes open and close.
    const probe = new Database(':memory:');
    const get = vi.spyOn(Object.getPrototypeOf(probe.prepare('select 1')) as { get: () => unknown }, 'get');
    try {
      const generation = opened.changes!.generation();
      for (let i = 0; i < 10; i += 1) opened.changes!.openScope()();
      expect(get).not.toHaveBeenCalled();
      await sql`insert into things (name, flag) values ('x', 1)`.execute(opened.db);
      expect(opened.changes!.generation()).not.toBe(generation);
    } finally {
      get.mockRestore();
      probe.close();
      await opened.close();
    }
  });
});

describe('openDatabase on a SQLite file', () => {
  const root = mkdtempSync(join(tmpdir(), 'persistence-db-'));
  afterAll(() => rmSync(root, { recursive: true, force: true }));
  let n = 0;
  const fresh = () => openDatabase<TestDb>({ dataDir: join(root, `d${++n}`, 'nested'), fileName: 'test.sqlite' });

  exercise(fresh);

  it('creates the folder and sets WAL, synchronous=FULL, foreign keys and a busy timeout', async () => {
    const opened = await fresh();
    try {
      expect(existsSync(opened.location)).toBe(true);
      const pragma = async (name: string) => Object.values((await sql.raw(`pragma ${name}`).execute(opened.db)).rows[0] as object)[0];
      expect(await pragma('journal_mode')).toBe('wal');
      expect(await pragma('synchronous')).toBe(2);
      expect(await pragma('foreign_keys')).toBe(1);
      expect(await pragma('busy_timeout')).toBeGreaterThan(0);
    } finally {
      await opened.close();
    }
  });
});

const pg = await findTestPostgres('persistence database tests on PostgreSQL');

describe.skipIf(!pg.available)('openDatabase on PostgreSQL', () => {
  const schemas: string[] = [];
  afterAll(async () => {
    for (const schema of schemas) await dropSchema(pg.url, schema);
  });
  const fresh = () => {
    const pgSchema = freshSchemaName('test_kit');
    schemas.push(pgSchema);
    return openDatabase<TestDb>({ databaseUrl: pg.url, pgSchema, dataDir: 'unused', fileName: 'unused' });
  };

  exercise(fresh);

  it('replaces connections the server terminated, telling onConnectionError, instead of crashing', async () => {
    const pgSchema = freshSchemaName('test_kit');
    schemas.push(pgSchema);
    const errors: Error[] = [];
    const opened = await openDatabase<TestDb>({
      databaseUrl: pg.url,
      pgSchema,
      dataDir: 'unused',
      fileName: 'unused',
      pgPoolSize: 2,
      onConnectionError: (error) => errors.push(error),
    });
    const admin = await openDatabase<TestDb>({ databaseUrl: pg.url, dataDir: 'unused', fileName: 'unused', pgPoolSize: 1 });
    try {
      // Two pooled connections, both idle afterwards: what a PostgreSQL restart or failover cuts.
      const pids = await Promise.all([0, 1].map(() => sql<{ pid: number }>`select pg_backend_pid() as pid, pg_sleep(0.05)`.execute(opened.db)));
      for (const { rows } of pids) await sql`select pg_terminate_backend(${rows[0]!.pid})`.execute(admin.db);
      await expect.poll(() => errors.length, { timeout: 5000 }).toBe(2);
      const after = await sql<{ one: number }>`select 1 as one`.execute(opened.db);
      expect(after.rows).toEqual([{ one: 1 }]);
    } finally {
      await admin.close();
      await opened.close();
    }
  });

  it('runs exclusive sections of two pools one at a time', async () => {
    const pgSchema = freshSchemaName('test_kit');
    schemas.push(pgSchema);
    const open = () => openDatabase<TestDb>({ databaseUrl: pg.url, pgSchema, dataDir: 'unused', fileName: 'unused', pgPoolSize: 2 });
    const [a, b] = await Promise.all([open(), open()]);
    const events: string[] = [];
    const section = (name: string) => async () => {
      events.push(`${name} in`);
      await new Promise((resolve) => setTimeout(resolve, 100));
      events.push(`${name} out`);
    };
    try {
      await Promise.all([a.exclusive('startup', section('a')), b.exclusive('startup', section('b'))]);
      expect([events.slice(0, 2), events.slice(2)].map((pair) => pair[0]!.split(' ')[0] === pair[1]!.split(' ')[0])).toEqual([true, true]);
    } finally {
      await Promise.all([a.close(), b.close()]);
    }
  });

  it('works in its own schema and reports the postgres dialect', async () => {
    const opened = await fresh();
    try {
      const row = await sql<{ schema: string }>`select current_schema() as schema`.execute(opened.db);
      expect(opened.dialect).toBe('postgres');
      expect(row.rows[0]?.schema).toBe(opened.schema);
    } finally {
      await opened.close();
    }
  });
});

describe('openDatabase', () => {
  it('raises StoreUnavailableError when PostgreSQL refuses the connection', async () => {
    // Port 1 on loopback: nothing listens there, so the connection is refused at once.
    const opening = openDatabase({ databaseUrl: 'postgres://postgres@127.0.0.1:1/none', dataDir: 'unused', fileName: 'unused' });
    await expect(opening).rejects.toBeInstanceOf(StoreUnavailableError);
  });

  it('rejects a database URL that is not postgres', async () => {
    await expect(openDatabase({ databaseUrl: 'mysql://x/y', dataDir: '.', fileName: 'x' })).rejects.toThrow(/postgres/);
  });
});

describe('isUniqueViolation', () => {
  it('recognises the PostgreSQL and SQLite codes only', () => {
    expect(isUniqueViolation({ code: '23505' })).toBe(true);
    expect(isUniqueViolation({ code: 'SQLITE_CONSTRAINT_UNIQUE' })).toBe(true);
    expect(isUniqueViolation({ code: '23503' })).toBe(false);
    expect(isUniqueViolation(new Error('unique'))).toBe(false);
    expect(isUniqueViolation(undefined)).toBe(false);
  });
});
