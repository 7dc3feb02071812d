import type { DatabaseConnection, Dialect, Driver, QueryResult, TransactionSettings, CompiledQuery, QueryCompiler } from 'kysely';
import { toStoreError } from './store-unavailable-error.ts';

/**
 * Wraps a Kysely dialect so that every connection-class error (see `isConnectionError`) leaves the
 * driver as a `StoreUnavailableError`: acquiring a connection, running a statement, or beginning,
 * committing or rolling back a transaction. One place, below every store, so that no store has to
 * know which errors mean "the database is gone" and every API can answer them with 503.
 */
export function unavailableOnConnectionErrors(dialect: Dialect): Dialect {
  return {
    createAdapter: () => dialect.createAdapter(),
    createIntrospector: (db) => dialect.createIntrospector(db),
    createQueryCompiler: () => dialect.createQueryCompiler(),
    createDriver: () => new TranslatingDriver(dialect.createDriver()),
  };
}

async function translated<T>(operation: Promise<T>): Promise<T> {
  try {
    return await operation;
  } catch (error) {
    throw toStoreError(error);
  }
}

class TranslatingConnection implements DatabaseConnection {
  constructor(readonly inner: DatabaseConnection) {}
  executeQuery<R>(compiledQuery: CompiledQuery): Promise<QueryResult<R>> {
    return translated(this.inner.executeQuery<R>(compiledQuery));
  }
  async *streamQuery<R>(compiledQuery: CompiledQuery, chunkSize?: number): AsyncIterableIterator<QueryResult<R>> {
    try {
      yield* this.inner.streamQuery<R>(compiledQuery, chunkSize);
    } catch (error) {
      throw toStoreError(error);
    }
  }
}

type CompileQuery = QueryCompiler['compileQuery'];

class TranslatingDriver implements Driver {
  readonly #inner: Driver;
  constructor(inner: Driver) {
    this.#inner = inner;
  }
  init(): Promise<void> {
    return translated(this.#inner.init());
  }
  async acquireConnection(): Promise<DatabaseConnection> {
    return new TranslatingConnection(await translated(this.#inner.acquireConnection()));
  }
  // The inner driver gets its own connection object back: it keeps per-connection state keyed by it.
  beginTransaction(connection: DatabaseConnection, settings: TransactionSettings): Promise<void> {
    return translated(this.#inner.beginTransaction(unwrap(connection), settings));
  }
  commitTransaction(connection: DatabaseConnection): Promise<void> {
    return translated(this.#inner.commitTransaction(unwrap(connection)));
  }
  rollbackTransaction(connection: DatabaseConnection): Promise<void> {
    return translated(this.#inner.rollbackTransaction(unwrap(connection)));
  }
  async savepoint(connection: DatabaseConnection, name: string, compileQuery: CompileQuery): Promise<void> {
    await translated(required(this.#inner.savepoint, 'savepoint').call(this.#inner, unwrap(connection), name, compileQuery));
  }
  async rollbackToSavepoint(connection: DatabaseConnection, name: string, compileQuery: CompileQuery): Promise<void> {
    await translated(required(this.#inner.rollbackToSavepoint, 'rollbackToSavepoint').call(this.#inner, unwrap(connection), name, compileQuery));
  }
  async releaseSavepoint(connection: DatabaseConnection, name: string, compileQuery: CompileQuery): Promise<void> {
    await translated(required(this.#inner.releaseSavepoint, 'releaseSavepoint').call(this.#inner, unwrap(connection), name, compileQuery));
  }
  releaseConnection(connection: DatabaseConnection): Promise<void> {
    return this.#inner.releaseConnection(unwrap(connection));
  }
  destroy(): Promise<void> {
    return this.#inner.destroy();
  }
}

function unwrap(connection: DatabaseConnection): DatabaseConnection {
  return connection instanceof TranslatingConnection ? connection.inner : connection;
}

function required<F>(method: F | undefined, name: string): F {
  if (method === undefined) throw new Error(`the database driver does not support ${name}`);
  return method;
}
