import type { ChangeCounter } from './sqlite-read-cache.ts';

/**
 * Wraps `store`: calls of the methods in `reads` are remembered by their arguments; a call of any
 * other method (a write: create, delete, …) forgets everything, before it starts and after it ends.
 * A read that overlaps a write is answered but not remembered past the write's end.
 *
 * With `changes` (an embedded SQLite database's change counter, see `OpenedDatabase.changes`),
 * every read first asks whether the data changed since the remembered answers were read (a write
 * on the connection by any code, or a commit by another connection) and forgets them if so: a
 * remembered answer is then what the database would answer at that moment, and a removed user or
 * privilege takes effect on the next request. Without it, `store` must be the only way its data
 * is ever written (the stateful mocks' in-memory stores).
 *
 * What it saves is the whole read below the store: Kysely's executor, the driver and the mapping
 * of rows, which is most of a read request's cost. Remembered values are frozen, so a caller that
 * tried to change one would fail loudly instead of changing later answers.
 */
export function memoizeReads<S extends object>(store: S, reads: readonly (keyof S & string)[], changes?: ChangeCounter): S {
  const cache = new Map<string, Promise<unknown>>();
  const readSet = new Set<string>(reads);
  const wrapped = new Map<string | symbol, unknown>();
  let seen = changes?.generation();

  return new Proxy(store, {
    get(target, property) {
      // The target as receiver: the stores keep their state in private fields, which a proxy cannot reach.
      const value: unknown = Reflect.get(target, property, target);
      if (typeof value !== 'function') return value;
      let method = wrapped.get(property);
      if (method !== undefined) return method;
      const original = value as (...args: unknown[]) => unknown;
      if (typeof property === 'string' && readSet.has(property)) {
        method = (...args: unknown[]) => {
          if (changes !== undefined) {
            const now = changes.generation();
            if (now !== seen) {
              cache.clear();
              seen = now;
            }
          }
          // Most reads take one string (a username, an id): no JSON for those.
          const key = args.length === 1 && typeof args[0] === 'string' ? `${property}\u0000${args[0]}` : `${property}\u0001${JSON.stringify(args)}`;
          const hit = cache.get(key);
          if (hit !== undefined) return hit;
          const result = Promise.resolve(original.apply(target, args)).then(deepFreeze);
          // Set before it settles, so a write that starts meanwhile clears it; a failure is not remembered.
          cache.set(key, result);
          result.catch(() => cache.delete(key));
          return result;
        };
      } else {
        method = async (...args: unknown[]) => {
          cache.clear();
          try {
            return await original.apply(target, args);
          } finally {
            // Reads that started during the write may hold the state before it.
            cache.clear();
          }
        };
      }
      wrapped.set(property, method);
      return method;
    },
  });
}

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}
