import { sql, type CompiledQuery, type Kysely, type Migration } from 'kysely';
import { openDatabase, type OpenDatabaseOptions, type OpenedDatabase, type SqlDialect } from './database.ts';
import { memoizeReads } from './memoize-reads.ts';
import { pendingMigrations, runMigrations } from './run-migrations.ts';

/** The advisory lock that migrations and the bootstrap admin run under. */
const STARTUP_LOCK = 'startup';

/** What a store's tables are: its PostgreSQL schema and its migrations per dialect. */
export interface SqlStoreSchema {
  /** PostgreSQL schema unless `pgSchema` says otherwise (e.g. `camunda`), so APIs can share one database. */
  pgSchema: string;
  migrations: (dialect: SqlDialect) => Record<string, Migration>;
}

/**
 * The skeleton of every SQL store: open (and migrate under the start-up lock), readiness, the
 * start-up lock, close. An API's store extends it with its queries on {@link SqlStore.db}.
 */
export abstract class SqlStore<DB> {
  /**
   * Opens the database, runs pending migrations under the start-up lock (replicas starting together
   * on one PostgreSQL database migrate one at a time) and builds the store, which owns the database.
   *
   * On SQLite, the store's `reads` (methods that only read) are remembered until the data changes
   * (memoizeReads with the database's change counter): a read request then costs no SQL at all. On
   * PostgreSQL every read goes to the database, since other replicas write without telling.
   */
  protected static async openStore<DB, S extends object>(
    options: OpenDatabaseOptions,
    schema: SqlStoreSchema,
    create: (database: OpenedDatabase<DB>) => S,
    reads: readonly (keyof S & string)[] = [],
  ): Promise<S> {
    const database = await openDatabase<DB>({ ...options, pgSchema: options.pgSchema ?? schema.pgSchema });
    try {
      await database.exclusive(STARTUP_LOCK, () => runMigrations(database.db, { migrations: schema.migrations(database.dialect), dialect: database.dialect }));
    } catch (error) {
      await database.close();
      throw error;
    }
    const store = create(database);
    return database.changes === undefined || reads.length === 0 ? store : memoizeReads(store, reads, database.changes);
  }

  protected readonly db: Kysely<DB>;

  constructor(
    /** The open database; the sign-in throttle keeps its table there too. */
    readonly database: OpenedDatabase<DB>,
    private readonly schema: SqlStoreSchema,
  ) {
    this.db = database.db;
  }

  /** `sqlite` or `postgres`, for the start-up log. */
  get dialect(): SqlDialect {
    return this.database.dialect;
  }

  /** Where the data lives (file path, `:memory:` or a credential-free URL), for the start-up log. */
  get location(): string {
    return this.database.location;
  }

  async ping(): Promise<void> {
    await sql`select 1`.execute(this.db);
  }

  /** Resolves when the database answers and every migration is applied (`/ready`); rejects otherwise. */
  async ready(): Promise<void> {
    const pending = await pendingMigrations(this.db, { migrations: this.schema.migrations(this.dialect), dialect: this.dialect });
    if (pending.length > 0) throw new Error(`migrations not applied: ${pending.join(', ')}`);
  }

  /**
   * Runs `action` under the start-up lock that opening migrates under, shared by every process on
   * this database (PostgreSQL advisory lock): for the bootstrap admin, so that replicas starting
   * together do not race to create it.
   */
  exclusive<T>(action: () => Promise<T>): Promise<T> {
    return this.database.exclusive(STARTUP_LOCK, action);
  }

  close(): Promise<void> {
    return this.database.close();
  }
}

/** `query` (compiled once) with other values for its parameters, which must be as many as it was compiled with. */
export function withParameters<R>(query: CompiledQuery<R>, parameters: readonly unknown[]): CompiledQuery<R> {
  if (parameters.length !== query.parameters.length) {
    throw new Error(`query takes ${query.parameters.length} parameters, got ${parameters.length}`);
  }
  return { ...query, parameters };
}
