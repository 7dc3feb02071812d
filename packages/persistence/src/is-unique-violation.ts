/**
 * True when `error` is a unique-constraint violation: SQLite `SQLITE_CONSTRAINT_UNIQUE` (or a
 * primary key clash) or PostgreSQL SQLSTATE 23505. Stores turn it into their own domain error.
 */
export function isUniqueViolation(error: unknown): boolean {
  if (typeof error !== 'object' || error === null || !('code' in error)) return false;
  const { code } = error;
  return code === '23505' || code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY';
}
