import type { SqliteDatabase } from 'kysely';
import type Database from 'libsql';

/**
 * Adapts a libsql `Database` to the better-sqlite3 subset Kysely's `SqliteDialect` drives.
 * libsql 0.5 aborts the whole process (a Rust panic) when a boolean is bound, so booleans become
 * 1/0 here, as better-sqlite3 users expect from SQLite anyway.
 */
export function libsqlForKysely(database: Database.Database): SqliteDatabase {
  return {
    close: () => database.close(),
    prepare(sqlText) {
      const statement = database.prepare(sqlText);
      return {
        get reader() {
          return statement.reader;
        },
        all: (parameters) => statement.all(bindable(parameters)),
        run: (parameters) => statement.run(bindable(parameters)),
        iterate: (parameters) => statement.iterate(bindable(parameters)),
      };
    },
  };
}

function bindable(parameters: ReadonlyArray<unknown>): unknown[] {
  return parameters.map((p) => (typeof p === 'boolean' ? Number(p) : p));
}
