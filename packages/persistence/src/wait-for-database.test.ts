import { describe, expect, it } from 'vitest';
import { StoreUnavailableError } from './store-unavailable-error.ts';
import { DatabaseUnreachableError, waitForDatabase } from './wait-for-database.ts';

/** A fake clock that sleeping advances, so backoff is tested without waiting. */
function clock() {
  let t = 0;
  const waits: number[] = [];
  return { waits, now: () => t, sleep: async (ms: number) => void (waits.push(ms), (t += ms)) };
}

const refused = () => Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' });

describe('waitForDatabase', () => {
  it('retries a refused connection with doubling waits until it succeeds', async () => {
    const c = clock();
    let calls = 0;
    const result = await waitForDatabase(
      async () => {
        calls += 1;
        if (calls < 4) throw new StoreUnavailableError(refused());
        return 'open';
      },
      { timeoutMs: 30_000, ...c },
    );
    expect(result).toBe('open');
    expect(c.waits).toEqual([250, 500, 1000]);
  });

  it('gives up after the timeout with one line naming the last cause', async () => {
    const c = clock();
    const failure = waitForDatabase(() => Promise.reject(refused()), { timeoutMs: 10_000, maxDelayMs: 2000, ...c });
    await expect(failure).rejects.toThrow(DatabaseUnreachableError);
    await expect(failure).rejects.toThrow(/did not answer within 10 s \(\d+ attempts; last: connect ECONNREFUSED 127\.0\.0\.1:5432\)/);
    expect(c.waits.reduce((a, b) => a + b, 0)).toBe(10_000);
    expect(Math.max(...c.waits)).toBe(2000);
  });

  it('throws any other error at once', async () => {
    const c = clock();
    await expect(waitForDatabase(() => Promise.reject(new Error('relation "users" already exists')), { timeoutMs: 10_000, ...c })).rejects.toThrow(
      'relation "users" already exists',
    );
    expect(c.waits).toEqual([]);
  });
});
