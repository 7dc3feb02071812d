export * from './database.ts';
export * from './is-unique-violation.ts';
export * from './libsql-for-kysely.ts';
export * from './run-migrations.ts';
export * from './sql-store.ts';
export * from './store-unavailable-error.ts';
export * from './unavailable-on-connection-errors.ts';
export * from './wait-for-database.ts';
