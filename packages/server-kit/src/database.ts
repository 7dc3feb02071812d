import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { Kysely, PostgresDialect, SqliteDialect, sql } from 'kysely';
import Database from 'libsql';
import pg from 'pg';
import { libsqlForKysely } from './libsql-for-kysely.ts';

/** Which SQL engine a {@link OpenedDatabase} talks to; stores branch on it where dialects differ. */
export type SqlDialect = 'sqlite' | 'postgres';

export interface OpenDatabaseOptions {
  /** A `postgres://` (or `postgresql://`) URL selects PostgreSQL; unset selects embedded SQLite. */
  databaseUrl?: string | undefined;
  /** SQLite: the folder of the database file, created when missing. */
  dataDir: string;
  /** SQLite: the file name inside `dataDir`, e.g. `camunda.sqlite`. */
  fileName: string;
  /** SQLite: keep the database in memory (tests); `dataDir` and `fileName` are then ignored. */
  inMemory?: boolean;
  /**
   * PostgreSQL: the schema to work in, created when missing and set as `search_path` on every
   * connection. Lets two apps (or test runs) share one database without sharing tables.
   */
  pgSchema?: string | undefined;
  /** PostgreSQL: pool size (default 10). */
  pgPoolSize?: number;
}

/** An open database: the query builder, its dialect, and how to close it. */
export interface OpenedDatabase<DB> {
  db: Kysely<DB>;
  dialect: SqlDialect;
  /** Where the data lives, without credentials: a file path, `:memory:` or `postgres://host/db`. */
  location: string;
  /** PostgreSQL: the schema in use (see {@link OpenDatabaseOptions.pgSchema}). */
  schema: string | undefined;
  /** Closes the pool or the file. Idempotent. */
  close(): Promise<void>;
}

/** Milliseconds a SQLite writer waits for a lock held by another connection before failing. */
const SQLITE_BUSY_TIMEOUT_MS = 5000;

/**
 * Opens PostgreSQL when `databaseUrl` is a postgres URL, else SQLite (libsql, the better-sqlite3
 * API) in `<dataDir>/<fileName>` or in memory.
 */
export async function openDatabase<DB>(options: OpenDatabaseOptions): Promise<OpenedDatabase<DB>> {
  const url = options.databaseUrl?.trim();
  if (url) {
    if (!/^postgres(ql)?:\/\//.test(url)) {
      throw new Error('DATABASE_URL must be a postgres:// URL (unset it to use embedded SQLite)');
    }
    return openPostgres<DB>(url, options);
  }
  return openSqlite<DB>(options);
}

function openSqlite<DB>(options: OpenDatabaseOptions): OpenedDatabase<DB> {
  let location = ':memory:';
  if (!options.inMemory) {
    mkdirSync(options.dataDir, { recursive: true });
    location = join(options.dataDir, options.fileName);
  }
  const database = new Database(location, { timeout: SQLITE_BUSY_TIMEOUT_MS / 1000 });
  // WAL lets readers run beside the writer; synchronous=FULL syncs every commit, so nothing the API
  // has acknowledged is lost on power failure (NORMAL could lose the last commits in WAL mode).
  database.pragma('journal_mode = WAL');
  database.pragma('synchronous = FULL');
  database.pragma(`busy_timeout = ${SQLITE_BUSY_TIMEOUT_MS}`);
  database.pragma('foreign_keys = ON');
  const dialect = new SqliteDialect({ database: libsqlForKysely(database) });
  return wrap<DB>(new Kysely<DB>({ dialect }), 'sqlite', location, undefined);
}

async function openPostgres<DB>(url: string, options: OpenDatabaseOptions): Promise<OpenedDatabase<DB>> {
  const schema = options.pgSchema;
  if (schema !== undefined && !/^[a-z_][a-z0-9_]{0,62}$/.test(schema)) {
    throw new Error(`PostgreSQL schema name must match [a-z_][a-z0-9_]*, got ${JSON.stringify(schema)}`);
  }
  const pool = new pg.Pool({
    connectionString: url,
    max: options.pgPoolSize ?? 10,
    types: { getTypeParser: getPgTypeParser },
    // A server startup option: every pooled connection resolves unqualified names in this schema.
    ...(schema ? { options: `-c search_path=${schema}` } : {}),
  });
  const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
  const opened = wrap<DB>(db, 'postgres', redactUrl(url), schema);
  try {
    if (schema) {
      await sql`create schema if not exists ${sql.id(schema)}`.execute(db).catch(async (error: unknown) => {
        // Two processes creating the schema at once: the loser sees a duplicate, which is fine.
        const exists = await sql`select 1 from pg_namespace where nspname = ${schema}`.execute(db);
        if (exists.rows.length === 0) throw error;
      });
    }
    await sql`select 1`.execute(db);
  } catch (error) {
    await opened.close();
    throw error;
  }
  return opened;
}

function wrap<DB>(db: Kysely<DB>, dialect: SqlDialect, location: string, schema: string | undefined): OpenedDatabase<DB> {
  let closing: Promise<void> | undefined;
  return { db, dialect, location, schema, close: () => (closing ??= db.destroy()) };
}

// pg returns int8 (bigint, count(*)) as strings; SQLite returns numbers. Read both as numbers and
// refuse, rather than round, a value JavaScript cannot hold exactly.
const getPgTypeParser = ((oid: number, format?: 'text' | 'binary') =>
  oid === pg.types.builtins.INT8 && format !== 'binary'
    ? parseSafeInt8
    : pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser;

function parseSafeInt8(text: string): number {
  const value = Number(text);
  if (!Number.isSafeInteger(value)) throw new RangeError(`int8 value ${text} exceeds Number.MAX_SAFE_INTEGER`);
  return value;
}

/** `postgres://user:secret@host:5432/db?x` → `postgres://host:5432/db`: safe to log. */
export function redactUrl(url: string): string {
  try {
    const parsed = new URL(url);
    return `${parsed.protocol}//${parsed.host}${parsed.pathname}`;
  } catch {
    return 'postgres://(unparseable url)';
  }
}
