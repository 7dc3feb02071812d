import type { SqliteDatabase, SqliteStatement } from 'kysely';

/** How many query results {@link sqliteReadCache} keeps by default. */
export const DEFAULT_READ_CACHE_SIZE = 1000;

/** Results with more rows than this are not kept (a large list would pin memory for one reader). */
const MAX_CACHED_ROWS = 1000;

export interface SqliteReadCacheOptions {
  /**
   * Changes when any *other* connection (another process, or a second connection in this one)
   * commits: SQLite's `PRAGMA data_version` on the connection the statements run on, or the
   * WAL-index header's version (see wal-index-header.ts), which tells the same for less.
   */
  dataVersion: () => unknown;
  /** Results kept, least recently used evicted first; 0 keeps none (the change counter still counts). */
  capacity?: number;
}

/** Counts changes to a database's data, so that what was read from it can be known to be current. */
export interface ChangeCounter {
  /**
   * A number that changes whenever the data may have: a write on this connection (or its attempt),
   * or a commit by another connection (seen through `dataVersion` when asked). Equal numbers from
   * two calls mean nothing was written in between.
   */
  generation(): number;
  /**
   * Opens a read scope (a request): checks for other connections' commits now, and until the
   * returned function closes it, {@link generation} trusts that check instead of asking SQLite
   * again on every read (the check is ~10 % of a cached read request's CPU). A scope's reads thus
   * see every commit made before it opened and every write of this connection; a commit by
   * another connection while scopes are open is seen when the next one opens. Scopes nest and
   * overlap (concurrent requests); closing twice is harmless.
   */
  openScope(): () => void;
}

/**
 * Remembers the rows of `select` statements by SQL text and parameters, and forgets them all
 * whenever anything else runs on this connection or another connection commits to the file.
 *
 * A one-row select by key costs 15–25 µs of CPU through libsql (N-API crossings, row objects), the
 * bulk of a read; checking `dataVersion` costs ~0.6 µs (the WAL-index header) or ~3 µs (the
 * pragma). A remembered answer is what the database would answer at the moment of the check:
 * - every statement on this connection that is not a cacheable `select` (insert, update, delete,
 *   `insert … returning`, DDL, `begin`/`commit`/`rollback`, pragmas) clears the cache before it
 *   runs, so reads after a write (inside a transaction or not) and after a rollback go to the
 *   database;
 * - commits by other connections change `dataVersion`, which is checked before every answer,
 *   or once when a read scope opens (see {@link ChangeCounter.openScope});
 * - selects whose answer depends on more than the data (`random()`, `'now'`, `changes()`, …) are
 *   never remembered.
 * Rows are frozen: a caller that tried to change one would fail loudly instead of changing later
 * answers; each answer is an array of its own.
 */
export function sqliteReadCache(inner: SqliteDatabase, options: SqliteReadCacheOptions): SqliteDatabase & ChangeCounter {
  const capacity = Math.max(0, Math.floor(options.capacity ?? DEFAULT_READ_CACHE_SIZE));
  // A Map iterates in insertion order: re-inserting on use keeps the least recently used first.
  const results = new Map<string, unknown[]>();
  let version: unknown = options.dataVersion();
  let generation = 0;

  function forget(): void {
    generation += 1;
    results.clear();
  }

  let openScopes = 0;

  function current(): void {
    if (openScopes === 0) check();
  }

  function check(): void {
    const now = options.dataVersion();
    if (now !== version) {
      version = now;
      forget();
    }
  }

  function cachedAll(statement: SqliteStatement, sqlText: string, parameters: ReadonlyArray<unknown>): unknown[] {
    current();
    if (capacity === 0) return statement.all(parameters) as unknown[];
    const key = keyOf(sqlText, parameters);
    if (key === undefined) return statement.all(parameters) as unknown[];
    const hit = results.get(key);
    if (hit !== undefined) {
      results.delete(key);
      results.set(key, hit);
      // A fresh array each time: callers sort and splice results (Kysely's migrator does).
      return hit.slice();
    }
    const rows = statement.all(parameters) as unknown[];
    if (rows.length <= MAX_CACHED_ROWS) {
      for (const row of rows) Object.freeze(row);
      if (results.size >= capacity) results.delete(results.keys().next().value!);
      results.set(key, rows);
      return rows.slice();
    }
    return rows;
  }

  const wrappers = new WeakMap<SqliteStatement, SqliteStatement>();

  function wrap(statement: SqliteStatement, sqlText: string): SqliteStatement {
    if (statement.reader && isCacheable(sqlText)) {
      return {
        reader: true,
        all: (parameters) => cachedAll(statement, sqlText, parameters),
        run: (parameters) => statement.run(parameters),
        iterate: (parameters) => statement.iterate(parameters),
      };
    }
    return {
      reader: statement.reader,
      all: (parameters) => {
        forget();
        return statement.all(parameters);
      },
      run: (parameters) => {
        forget();
        return statement.run(parameters);
      },
      iterate: (parameters) => {
        forget();
        return statement.iterate(parameters);
      },
    };
  }

  return {
    generation() {
      current();
      return generation;
    },
    openScope() {
      check();
      openScopes += 1;
      let open = true;
      return () => {
        if (!open) return;
        open = false;
        openScopes -= 1;
      };
    },
    close() {
      forget();
      inner.close();
    },
    prepare(sqlText) {
      // The inner adapter hands out the same statement for the same SQL: wrap each once.
      const statement = inner.prepare(sqlText);
      let wrapper = wrappers.get(statement);
      if (wrapper === undefined) {
        wrapper = wrap(statement, sqlText);
        wrappers.set(statement, wrapper);
      }
      return wrapper;
    },
  };
}

const SELECT = /^\s*select\b/i;
// Functions and keywords whose value is not a function of the stored data alone.
const VOLATILE = /\b(random|randomblob|changes|total_changes|last_insert_rowid|current_time|current_date|current_timestamp|sqlite_version|unixepoch|julianday|datetime|date|time|strftime|timediff)\b|'now'/i;

/** A plain `select` of stored data (a `with … insert` or `insert … returning` is a write). */
export function isCacheable(sqlText: string): boolean {
  return SELECT.test(sqlText) && !VOLATILE.test(sqlText);
}

/**
 * The cache key of a statement with these parameters, or undefined when a parameter has no exact
 * text form here (blobs, objects): such reads go to the database.
 */
function keyOf(sqlText: string, parameters: ReadonlyArray<unknown>): string | undefined {
  let key = sqlText;
  for (const parameter of parameters) {
    switch (typeof parameter) {
      case 'string':
        // Length-prefixed, so no two parameter lists give the same key.
        key += `\u0000s${parameter.length}:${parameter}`;
        break;
      case 'number':
        key += `\u0000n${parameter}`;
        break;
      case 'bigint':
        key += `\u0000b${parameter}`;
        break;
      case 'boolean':
        key += `\u0000n${parameter ? 1 : 0}`;
        break;
      default:
        if (parameter === null) key += '\u0000z';
        else return undefined;
    }
  }
  return key;
}
