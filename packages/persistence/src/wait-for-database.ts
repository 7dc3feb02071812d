import type { Logger } from 'pino';
import { isConnectionError } from './store-unavailable-error.ts';

export interface WaitForDatabaseOptions {
  /** Give up after this long (`DATABASE_STARTUP_TIMEOUT_SECONDS`); 0 tries once. */
  timeoutMs: number;
  /** Each failed try is logged at `warn` with the wait before the next. */
  logger?: Pick<Logger, 'warn'> | undefined;
  /** First wait between tries (default 250 ms); it doubles up to `maxDelayMs` (default 5 s). */
  initialDelayMs?: number;
  maxDelayMs?: number;
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
}

/** The database did not answer within the start-up timeout; `message` is the one line to log. */
export class DatabaseUnreachableError extends Error {
  override name = 'DatabaseUnreachableError';
}

/**
 * Runs `open` (open the database, migrate, …) until it succeeds, retrying with exponential backoff
 * while it fails because the database cannot be reached, for at most `timeoutMs`. Any other error
 * is thrown at once (a wrong schema is not fixed by waiting). Lets a server start before, or
 * together with, its database (containers, a failover) instead of exiting at the first refusal.
 */
export async function waitForDatabase<T>(open: () => Promise<T>, options: WaitForDatabaseOptions): Promise<T> {
  const now = options.now ?? Date.now;
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  const maxDelay = options.maxDelayMs ?? 5000;
  const deadline = now() + options.timeoutMs;
  let delay = options.initialDelayMs ?? 250;
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await open();
    } catch (error) {
      if (!isConnectionError(error)) throw error;
      const left = deadline - now();
      const reason = error instanceof Error ? error.message : String(error);
      if (left <= 0) {
        throw new DatabaseUnreachableError(
          `the database did not answer within ${Math.round(options.timeoutMs / 1000)} s (${attempt} attempts; last: ${reason})`,
          { cause: error },
        );
      }
      const wait = Math.min(delay, left);
      options.logger?.warn({ attempt, retryInMs: wait }, `the database is unreachable (${reason}); retrying in ${wait} ms`);
      await sleep(wait);
      delay = Math.min(delay * 2, maxDelay);
    }
  }
}
