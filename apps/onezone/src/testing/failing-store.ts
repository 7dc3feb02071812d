import type { UserStore } from '../stores/user-store.ts';

/** The error a broken store throws; its message must never reach a response. */
export const STORE_FAILURE = 'database exploded: secret internals at /var/lib/db';

/** A store whose methods can be made to fail after set-up, to drive the 500 path through real handlers. */
export function breakableStore(
  store: UserStore,
  failure: () => Error = () => new Error(STORE_FAILURE),
): { store: UserStore; breakMethod: (method: keyof UserStore) => void } {
  const broken = new Set<PropertyKey>();
  const proxy = new Proxy(store, {
    get(target, property) {
      if (broken.has(property)) return () => Promise.reject(failure());
      const value: unknown = Reflect.get(target, property, target);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
  return { store: proxy, breakMethod: (method) => void broken.add(method) };
}
