import { Migrator, sql, type Kysely, type Migration } from 'kysely';
import type { SqlDialect } from './database.ts';

export interface RunMigrationsOptions {
  /** Migrations by name; they run in name order, so prefix names with a sequence (`0001_users`). */
  migrations: Record<string, Migration>;
  /** Needed on PostgreSQL so the bookkeeping tables land in (and are looked up in) that schema. */
  dialect: SqlDialect;
}

/**
 * Runs every pending migration (Kysely `Migrator`, migrations in code so bundles need no files) and
 * resolves to the names it applied. Throws the first failure; that migration is rolled back where
 * the dialect allows transactional DDL.
 */
export async function runMigrations(db: Kysely<any>, options: RunMigrationsOptions): Promise<string[]> {
  const { error, results } = await (await migrator(db, options)).migrateToLatest();
  if (error) throw error instanceof Error ? error : new Error(`migration failed: ${String(error)}`);
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}

/** The names of the migrations not applied to this database yet; empty when it is up to date (`/ready`). */
export async function pendingMigrations(db: Kysely<any>, options: RunMigrationsOptions): Promise<string[]> {
  const infos = await (await migrator(db, options)).getMigrations();
  return infos.filter((info) => info.executedAt === undefined).map((info) => info.name);
}

async function migrator(db: Kysely<any>, options: RunMigrationsOptions): Promise<Migrator> {
  // The migration tables live in our schema, named explicitly: Kysely's own PostgreSQL introspection
  // sees every schema and would take another schema's migration table for ours (ours sees only the
  // current one, see current-schema-introspector.ts).
  const migrationTableSchema =
    options.dialect === 'postgres'
      ? (await sql<{ schema: string | null }>`select current_schema() as schema`.execute(db)).rows[0]?.schema ?? undefined
      : undefined;
  return new Migrator({
    db,
    provider: { getMigrations: async () => options.migrations },
    ...(migrationTableSchema ? { migrationTableSchema } : {}),
  });
}
