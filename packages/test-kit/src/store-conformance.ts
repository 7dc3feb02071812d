import { afterEach, beforeEach, describe, it } from 'vitest';
import { storeBackends, type StoreLocation } from '@repo/test-support';

/** What a conformance suite may do besides using the store: close it and open it again on the same data. */
export interface ConformanceContext {
  /** False for in-memory SQLite, whose data ends with its connection (skip reopen cases). */
  readonly persistent: boolean;
  /** Closes the store and opens it again on the same database; `store` then is the reopened one. */
  reopen(): Promise<void>;
}

/**
 * Runs an API's store suite once per backend: SQLite in memory, a SQLite file, and PostgreSQL when
 * it answers (else a skipped block saying why; CI requires it). Each test gets a fresh database.
 * `store` always refers to the store open for the current test, so the suite's tests use it directly.
 */
export async function describeStoreConformance<S extends { close(): Promise<void> }>(
  api: string,
  title: string,
  open: (location: StoreLocation) => Promise<S>,
  suite: (store: S, context: ConformanceContext) => void,
): Promise<void> {
  const { backends, skipped } = await storeBackends(api, open);
  for (const backend of backends) {
    describe(`${title} conformance on ${backend.name}`, () => {
      let current: S | undefined;
      let place: Awaited<ReturnType<typeof backend.setUp>>;
      beforeEach(async () => {
        place = await backend.setUp();
        current = await place.open();
      });
      afterEach(async () => {
        await current?.close();
        await place.destroy();
      });
      const store = new Proxy({} as S, {
        get(_, property) {
          if (current === undefined) throw new Error('the store is used outside a test');
          const value: unknown = Reflect.get(current, property, current);
          return typeof value === 'function' ? value.bind(current) : value;
        },
      });
      suite(store, {
        persistent: backend.persistent,
        reopen: async () => {
          await current?.close();
          current = await place.open();
        },
      });
    });
  }
  if (skipped !== undefined) {
    describe.skip(`${title} conformance on PostgreSQL (${skipped})`, () => {
      it('runs the conformance suite on PostgreSQL', () => {});
    });
  }
}
