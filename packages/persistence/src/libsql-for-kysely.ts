import type { SqliteDatabase, SqliteStatement } from 'kysely';
import type Database from 'libsql';

/** How many prepared statements {@link libsqlForKysely} keeps by default (the apps use a few dozen). */
export const DEFAULT_STATEMENT_CACHE_SIZE = 200;

export interface LibsqlForKyselyOptions {
  /**
   * Prepared statements kept, least recently used evicted first, keyed by SQL text. Kysely
   * compiles a query to the same text whatever its parameter values, so a server's statements are
   * prepared once rather than on every query. 0 prepares every statement anew.
   */
  statementCacheSize?: number;
}

/**
 * Adapts a libsql `Database` to the better-sqlite3 subset Kysely's `SqliteDialect` drives.
 * libsql 0.5 aborts the whole process (a Rust panic) when a boolean is bound, so booleans become
 * 1/0 here, as better-sqlite3 users expect from SQLite anyway.
 *
 * Statements are cached (see {@link LibsqlForKyselyOptions.statementCacheSize}). Reusing one is
 * safe because Kysely's SQLite driver runs one query at a time on its single connection, libsql
 * resets a statement before each execution, and SQLite re-prepares a statement by itself when the
 * schema changes. `iterate` (streaming) gets a statement of its own, so an unfinished stream never
 * shares one with later queries.
 */
export function libsqlForKysely(database: Database.Database, options: LibsqlForKyselyOptions = {}): SqliteDatabase {
  const capacity = Math.max(0, Math.floor(options.statementCacheSize ?? DEFAULT_STATEMENT_CACHE_SIZE));
  // A Map iterates in insertion order: re-inserting on use keeps the least recently used first.
  const cache = new Map<string, SqliteStatement>();

  function prepare(sqlText: string): SqliteStatement {
    const statement = database.prepare(sqlText);
    const reader = statement.reader;
    return {
      reader,
      all: (parameters) => statement.all(bindable(parameters)),
      run: (parameters) => statement.run(bindable(parameters)),
      iterate: (parameters) => database.prepare(sqlText).iterate(bindable(parameters)),
    };
  }

  return {
    close() {
      cache.clear();
      database.close();
    },
    prepare(sqlText) {
      if (capacity === 0) return prepare(sqlText);
      let statement = cache.get(sqlText);
      if (statement) {
        cache.delete(sqlText);
      } else {
        statement = prepare(sqlText);
        if (cache.size >= capacity) cache.delete(cache.keys().next().value!);
      }
      cache.set(sqlText, statement);
      return statement;
    },
  };
}

function bindable(parameters: ReadonlyArray<unknown>): unknown[] {
  // Most queries bind no booleans: skip the copy then.
  return parameters.some((p) => typeof p === 'boolean') ? parameters.map((p) => (typeof p === 'boolean' ? Number(p) : p)) : (parameters as unknown[]);
}
