/**
 * `derive`, remembered per record object. A store that remembers its reads (`@repo/persistence`'s
 * `memoizeReads`, every SQLite store) hands out the same frozen record until the data changes, so
 * what is derived from it (a caller's principal, on every authenticated request) is built once per
 * change instead of once per request; a store that reads afresh (PostgreSQL) hands out new objects,
 * and each is derived as before. Only for derivations that depend on nothing but the record, whose
 * results nobody mutates.
 */
export function perRecord<R extends object, T>(derive: (record: R) => T): (record: R) => T {
  const derived = new WeakMap<R, T>();
  return (record) => {
    if (derived.has(record)) return derived.get(record) as T;
    const value = derive(record);
    derived.set(record, value);
    return value;
  };
}
