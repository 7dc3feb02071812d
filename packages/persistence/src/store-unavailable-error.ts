/** Seconds a client is told to wait (`Retry-After`) while the database is unreachable. */
export const STORE_RETRY_AFTER_SECONDS = 5;

/**
 * The database cannot be reached (refused, reset, timed out, shutting down, too many connections):
 * a condition of the environment, not a bug. The persistence layer raises it for connection-class
 * errors only (see {@link isConnectionError}); each API answers it with 503 and `Retry-After`.
 * Any other database error (a missing table, a constraint) stays what it is: a 500.
 */
export class StoreUnavailableError extends Error {
  override name = 'StoreUnavailableError';
  readonly retryAfterSeconds: number;
  constructor(cause: unknown, retryAfterSeconds = STORE_RETRY_AFTER_SECONDS) {
    super(`the database is unavailable: ${messageOf(cause)}`, { cause });
    this.retryAfterSeconds = retryAfterSeconds;
  }
}

// Socket-level failures (Node errno codes), as pg reports them when connecting or mid-query.
const SOCKET_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ECONNABORTED',
  'EPIPE',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
]);

// PostgreSQL SQLSTATEs that mean "the server is not there for you right now": class 08 (connection
// exception) is matched by prefix; 57P01-03 admin/crash shutdown and "cannot connect now" (starting
// up, recovering); 53300 too many connections. SQLite: the file stayed locked past the busy timeout.
const UNAVAILABLE_CODES = new Set(['57P01', '57P02', '57P03', '53300', 'SQLITE_BUSY']);

// pg reports a lost or unusable connection with a message and no code.
const CONNECTION_MESSAGES = [
  /^Connection terminated/,
  /^timeout exceeded when trying to connect/,
  /^Connection terminated due to connection timeout/,
  /is not queryable/,
  /^Query read timeout/,
];

/** True when `error` (or one it aggregates) says the database could not be reached or was lost. */
export function isConnectionError(error: unknown): boolean {
  if (error instanceof StoreUnavailableError) return true;
  if (typeof error !== 'object' || error === null) return false;
  const code = (error as { code?: unknown }).code;
  if (typeof code === 'string' && (SOCKET_CODES.has(code) || UNAVAILABLE_CODES.has(code) || /^08[0-9A-Z]{3}$/.test(code))) return true;
  const message = (error as { message?: unknown }).message;
  if (typeof message === 'string' && CONNECTION_MESSAGES.some((pattern) => pattern.test(message))) return true;
  // Connecting to a name with several addresses (localhost: ::1 and 127.0.0.1) fails with an AggregateError.
  const inner = (error as { errors?: unknown }).errors;
  return Array.isArray(inner) && inner.length > 0 && inner.every(isConnectionError);
}

/** `error` as a {@link StoreUnavailableError} when it is connection-class, else unchanged. */
export function toStoreError(error: unknown): unknown {
  return !(error instanceof StoreUnavailableError) && isConnectionError(error) ? new StoreUnavailableError(error) : error;
}

function messageOf(error: unknown): string {
  if (error instanceof Error) {
    const code = (error as { code?: unknown }).code;
    const text = error.message || (error instanceof AggregateError ? error.errors.map(messageOf).join('; ') : error.name);
    return typeof code === 'string' && !text.includes(code) ? `${code} ${text}` : text;
  }
  return String(error);
}
