/** The bounds of an exponential backoff. */
export interface BackoffOptions {
  /** The ceiling of the first retry's delay, doubled for each further retry. */
  baseDelayMs: number;
  /** No delay ceiling grows beyond this. */
  maxDelayMs: number;
}

/**
 * The delay before retry number `retry` (1 for the first retry): exponential backoff with "full
 * jitter", a random delay between 0 and `min(maxDelayMs, baseDelayMs · 2^(retry-1))`. Jitter
 * spreads the retries of many clients that failed at the same moment (a server restart), so
 * they do not come back in lockstep.
 *
 * @param random a source of numbers in [0, 1); tests pass a fixed one.
 */
export function backoffDelayMs(retry: number, { baseDelayMs, maxDelayMs }: BackoffOptions, random: () => number = Math.random): number {
  const ceiling = Math.min(maxDelayMs, baseDelayMs * 2 ** Math.max(0, retry - 1));
  return Math.floor(ceiling * random());
}
