import { sql, type DatabaseIntrospector, type DatabaseMetadata, type Dialect, type Kysely, type SchemaMetadata, type TableMetadata } from 'kysely';

/**
 * Gives a PostgreSQL dialect an introspector that sees only the connection's current schema (the
 * first of its `search_path`, where the app works and keeps its migration tables).
 *
 * Kysely's own lists the tables of every schema through functions (`has_schema_privilege`,
 * `pg_get_serial_sequence`) that fail with `schema "…" does not exist` when another session drops
 * a schema while the query runs: 8 % of its calls failed while another connection created and
 * dropped schemas (measured 2026-11-27). Its migrator asks on every start, so a server starting
 * beside anything that drops schemas in the same database (test runs, other tenants) could fail to
 * migrate.
 */
export function currentSchemaIntrospection(dialect: Dialect): Dialect {
  return {
    createAdapter: () => dialect.createAdapter(),
    createDriver: () => dialect.createDriver(),
    createQueryCompiler: () => dialect.createQueryCompiler(),
    createIntrospector: (db) => new CurrentSchemaIntrospector(db),
  };
}

/**
 * What Kysely's migrator asks (which schemas and tables exist), answered for the current schema
 * only. Tables come without their columns: nothing here reads them.
 */
class CurrentSchemaIntrospector implements DatabaseIntrospector {
  readonly #db: Kysely<unknown>;

  constructor(db: Kysely<unknown>) {
    this.#db = db;
  }

  async getSchemas(): Promise<SchemaMetadata[]> {
    const { rows } = await sql<SchemaMetadata>`select nspname as name from pg_catalog.pg_namespace where nspname = current_schema()`.execute(this.#db);
    return rows;
  }

  async getTables(): Promise<TableMetadata[]> {
    const { rows } = await sql<{ name: string; schema: string; kind: string }>`
      select c.relname as name, ns.nspname as schema, c.relkind as kind
      from pg_catalog.pg_class c join pg_catalog.pg_namespace ns on ns.oid = c.relnamespace
      where ns.nspname = current_schema() and c.relkind in ('r', 'v', 'p')
      order by c.relname`.execute(this.#db);
    return rows.map(({ name, schema, kind }) => ({ name, schema, isView: kind === 'v', columns: [] }));
  }

  async getMetadata(): Promise<DatabaseMetadata> {
    return { tables: await this.getTables() };
  }
}
