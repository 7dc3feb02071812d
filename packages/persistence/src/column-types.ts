import { sql, type ColumnDefinitionBuilder, type RawBuilder } from 'kysely';
import type { SqlDialect } from './database.ts';

/**
 * Text that compares and sorts bytewise in both dialects: PostgreSQL follows the locale unless told
 * otherwise, so `collate "C"` makes both stores sort and match alike.
 */
export function bytewiseText(dialect: SqlDialect): RawBuilder<unknown> {
  return dialect === 'postgres' ? sql`text collate "C"` : sql`text`;
}

/** The type of a primary key that counts up: `bigint` on PostgreSQL, SQLite's `integer` rowid. */
export function counterType(dialect: SqlDialect): 'bigint' | 'integer' {
  return dialect === 'postgres' ? 'bigint' : 'integer';
}

/** A counting primary key that never reuses a deleted row's value (an identity; SQLite AUTOINCREMENT). */
export function counterPrimaryKey(dialect: SqlDialect): (column: ColumnDefinitionBuilder) => ColumnDefinitionBuilder {
  return (column) => (dialect === 'postgres' ? column.primaryKey().generatedAlwaysAsIdentity() : column.primaryKey().autoIncrement());
}
