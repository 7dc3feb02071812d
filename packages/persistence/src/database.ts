import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { Kysely, PostgresDialect, SqliteDialect, sql } from 'kysely';
import Database from 'libsql';
import pg from 'pg';
import { redactUrl } from '@repo/config';
import { currentSchemaIntrospection } from './current-schema-introspector.ts';
import { libsqlForKysely } from './libsql-for-kysely.ts';
import { sqliteReadCache, type ChangeCounter } from './sqlite-read-cache.ts';
import { watchWalIndexHeader, type WalIndexHeader } from './wal-index-header.ts';
import { unavailableOnConnectionErrors } from './unavailable-on-connection-errors.ts';

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
  /** SQLite: query results remembered until the data changes (default 1000; 0 turns it off). */
  readCacheSize?: number;
  /**
   * PostgreSQL: the schema to work in, created when missing and set as `search_path` on every
   * connection. Lets two apps (or test runs) share one database without sharing tables.
   */
  pgSchema?: string | undefined;
  /** PostgreSQL: pool size (default 10). */
  pgPoolSize?: number;
  /** PostgreSQL: give up connecting after this long (default 5000 ms), so a dead network fails fast. */
  pgConnectTimeoutMs?: number;
  /**
   * PostgreSQL: told about every error of a pooled connection (the server restarted, the network
   * cut it). The pool drops such a connection and opens a new one when next needed; without a
   * listener the error would end the process.
   */
  onConnectionError?: (error: Error) => void;
}

/** An open database: the query builder, its dialect, and how to close it. */
export interface OpenedDatabase<DB> {
  db: Kysely<DB>;
  dialect: SqlDialect;
  /** Where the data lives, without credentials: a file path, `:memory:` or `postgres://host/db`. */
  location: string;
  /** PostgreSQL: the schema in use (see {@link OpenDatabaseOptions.pgSchema}). */
  schema: string | undefined;
  /**
   * SQLite: counts changes to the data (writes on this connection, commits by others), so that a
   * store may remember what it read until the next change (see memoizeReads). PostgreSQL: absent,
   * as other replicas change the data without telling this process.
   */
  changes: ChangeCounter | undefined;
  /**
   * Runs `action` while holding a lock named `name` across every process on this database
   * (PostgreSQL: a session advisory lock keyed by schema and name, released when `action` settles
   * or the connection dies); so that replicas starting together migrate and bootstrap one at a
   * time. SQLite: runs `action` as is (one process per file).
   */
  exclusive<T>(name: string, action: () => Promise<T>): Promise<T>;
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
  const journal = (database.pragma('journal_mode = WAL') as Array<{ journal_mode?: unknown }>)[0]?.journal_mode;
  database.pragma('synchronous = FULL');
  database.pragma(`busy_timeout = ${SQLITE_BUSY_TIMEOUT_MS}`);
  database.pragma('foreign_keys = ON');
  // Reads are answered from memory until this connection writes or another one commits (see
  // sqliteReadCache): most of a read's cost is libsql's per-statement work, not the query. Other
  // connections' commits show in the WAL-index header, read without a statement where it can be.
  // Nothing but this connection can write a private in-memory database: nothing to ask, nor to prepare.
  const { dataVersion, header } = options.inMemory ? { dataVersion: () => 0, header: undefined } : commitWatch(database, location, journal);
  const adapter = libsqlForKysely(database);
  const cached = sqliteReadCache(
    header === undefined
      ? adapter
      : {
          prepare: (sqlText) => adapter.prepare(sqlText),
          // The header's descriptor must outlive the connection (see watchWalIndexHeader).
          close() {
            adapter.close();
            header.close();
          },
        },
    { dataVersion, capacity: options.readCacheSize },
  );
  const dialect = unavailableOnConnectionErrors(new SqliteDialect({ database: cached }));
  return wrap<DB>(new Kysely<DB>({ dialect }), 'sqlite', location, undefined, cached);
}

/** How a SQLite file's connection learns of other connections' commits: the WAL-index header, else `PRAGMA data_version`. */
function commitWatch(database: Database.Database, location: string, journal: unknown): { dataVersion: () => unknown; header: WalIndexHeader | undefined } {
  const statement = database.prepare('pragma data_version').raw(true);
  const pragmaVersion = () => (statement.get([]) as unknown as [number])[0];
  // A statement run first makes sure the -shm file exists; a file left from an earlier WAL session
  // beside a database that is not in WAL mode now would never change, so only WAL watches it.
  pragmaVersion();
  const header = journal === 'wal' ? watchWalIndexHeader(location) : undefined;
  return { dataVersion: header?.version ?? pragmaVersion, header };
}

async function openPostgres<DB>(url: string, options: OpenDatabaseOptions): Promise<OpenedDatabase<DB>> {
  const schema = options.pgSchema;
  if (schema !== undefined && !/^[a-z_][a-z0-9_]{0,62}$/.test(schema)) {
    throw new Error(`PostgreSQL schema name must match [a-z_][a-z0-9_]*, got ${JSON.stringify(schema)}`);
  }
  const pool = new pg.Pool({
    connectionString: url,
    max: options.pgPoolSize ?? 10,
    connectionTimeoutMillis: options.pgConnectTimeoutMs ?? 5000,
    // TCP keep-alive notices a peer that vanished without closing (a cut network) on idle connections.
    keepAlive: true,
    types: { getTypeParser: getPgTypeParser },
    // A server startup option: every pooled connection resolves unqualified names in this schema.
    ...(schema ? { options: `-c search_path=${schema}` } : {}),
  });
  // An idle connection's error reaches both listeners below: report it once.
  const reported = new WeakSet<Error>();
  const onError = (error: Error) => {
    if (reported.has(error)) return;
    reported.add(error);
    options.onConnectionError?.(error);
  };
  // An idle connection's error reaches the pool, which drops it and emits 'error': unhandled, that
  // ends the process. A checked-out connection whose socket dies between statements emits 'error'
  // on the client itself; the statement that next uses it fails and the pool drops it on release.
  pool.on('error', onError);
  pool.on('connect', (client) => client.on('error', onError));
  const db = new Kysely<DB>({ dialect: unavailableOnConnectionErrors(currentSchemaIntrospection(new PostgresDialect({ pool }))) });
  const opened = wrap<DB>(db, 'postgres', redactUrl(url), schema, undefined);
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

function wrap<DB>(db: Kysely<DB>, dialect: SqlDialect, location: string, schema: string | undefined, changes: ChangeCounter | undefined): OpenedDatabase<DB> {
  let closing: Promise<void> | undefined;
  const exclusive = <T>(name: string, action: () => Promise<T>): Promise<T> => {
    if (dialect !== 'postgres') return action();
    const key = `${schema ?? 'public'}:${name}`;
    return db.connection().execute(async (connection) => {
      await sql`select pg_advisory_lock(hashtext(${key}))`.execute(connection);
      try {
        return await action();
      } finally {
        // A dead connection has released the lock already; nothing to undo then.
        await sql`select pg_advisory_unlock(hashtext(${key}))`.execute(connection).catch(() => undefined);
      }
    });
  };
  return { db, dialect, location, schema, changes, exclusive, close: () => (closing ??= db.destroy()) };
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

