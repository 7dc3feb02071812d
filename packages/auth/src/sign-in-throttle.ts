import { hash as digest } from 'node:crypto';
import { sql, type Kysely, type Migration } from 'kysely';
import type { SignInLimits } from '@repo/config';
import type { OpenedDatabase } from '@repo/persistence';

/** Sign-ins from this client are throttled; it may try again after `retryAfterSeconds`. */
export class SignInThrottledError extends Error {
  override name = 'SignInThrottledError';
  constructor(readonly retryAfterSeconds: number) {
    super(`too many failed sign-ins; retry after ${retryAfterSeconds} s`);
  }
}

/** Who is trying to sign in: the username sent and the client's address. */
export interface SignInAttempt {
  readonly username: string;
  readonly address: string;
}

/**
 * Counts failed sign-ins in fixed windows under two keys: the username from this client address
 * (`maxFailures`) and the client address whatever the username (`maxFailuresPerAddress`). A key
 * over its limit throttles that client until its window ends.
 *
 * The username is counted per address on purpose: a lock on the username alone would let anyone
 * lock any user out by failing on purpose, while the right password from another client must
 * keep working.
 */
export interface SignInThrottle {
  /**
   * Throws (or rejects with) {@link SignInThrottledError} when this attempt must not be checked at
   * all. Answers synchronously when it can (in memory), so a request need not wait a turn for it.
   */
  check(attempt: SignInAttempt): void | Promise<void>;
  /** Counts a failed sign-in (wrong password, unknown user, user without password alike). */
  recordFailure(attempt: SignInAttempt): Promise<void>;
}

interface Counter {
  key: string;
  limit: number;
}

/** The two counters of an attempt, keys hashed so that a long username costs no more to store. */
function counters(attempt: SignInAttempt, limits: SignInLimits): Counter[] {
  const hash = (text: string) => digest('sha256', text, 'base64url');
  return [
    { key: hash(`user\0${attempt.address}\0${attempt.username}`), limit: limits.maxFailures },
    { key: hash(`address\0${attempt.address}`), limit: limits.maxFailuresPerAddress },
  ];
}

/** Seconds until the latest-ending window among the counters over their limit; 0 when none is. */
function throttledFor(rows: readonly { key: string; failures: number; windowStart: number }[], wanted: Counter[], windowMs: number, now: number): number {
  let until = 0;
  for (const row of rows) {
    const counter = wanted.find((c) => c.key === row.key);
    const ends = row.windowStart + windowMs;
    if (counter !== undefined && ends > now && row.failures >= counter.limit) until = Math.max(until, ends);
  }
  return until === 0 ? 0 : Math.max(1, Math.ceil((until - now) / 1000));
}

/** In this process only: for SQLite (one process per file) and tests. Bounded: expired windows are dropped. */
export class MemorySignInThrottle implements SignInThrottle {
  readonly #limits: SignInLimits;
  readonly #now: () => number;
  readonly #maxEntries: number;
  readonly #entries = new Map<string, { failures: number; windowStart: number }>();

  constructor(limits: SignInLimits, options: { now?: () => number; maxEntries?: number } = {}) {
    this.#limits = limits;
    this.#now = options.now ?? Date.now;
    this.#maxEntries = options.maxEntries ?? 100_000;
  }

  check(attempt: SignInAttempt): void {
    // Nobody has failed lately (the usual case): no keys to hash, nothing to look up.
    if (this.#entries.size === 0) return;
    const wanted = counters(attempt, this.#limits);
    const rows = wanted.flatMap(({ key }) => {
      const entry = this.#entries.get(key);
      return entry ? [{ key, ...entry }] : [];
    });
    const seconds = throttledFor(rows, wanted, this.#limits.windowSeconds * 1000, this.#now());
    if (seconds > 0) throw new SignInThrottledError(seconds);
  }

  async recordFailure(attempt: SignInAttempt): Promise<void> {
    const now = this.#now();
    const windowMs = this.#limits.windowSeconds * 1000;
    for (const { key } of counters(attempt, this.#limits)) {
      const entry = this.#entries.get(key);
      if (entry === undefined || entry.windowStart + windowMs <= now) this.#entries.set(key, { failures: 1, windowStart: now });
      else entry.failures += 1;
    }
    if (this.#entries.size > this.#maxEntries) this.#evict(now, windowMs);
  }

  #evict(now: number, windowMs: number): void {
    for (const [key, entry] of this.#entries) if (entry.windowStart + windowMs <= now) this.#entries.delete(key);
    // Still too many live windows (a flood of addresses): drop the oldest; Map keeps insertion order.
    for (const key of this.#entries.keys()) {
      if (this.#entries.size <= this.#maxEntries) break;
      this.#entries.delete(key);
    }
  }
}

/** The table {@link SqlSignInThrottle} keeps its counters in. */
export interface SignInFailuresTable {
  sign_in_failures: { key: string; failures: number; window_start: number };
}

/**
 * The migration that creates `sign_in_failures` on PostgreSQL (a no-op on SQLite, whose servers
 * count in memory). Append it to an app's migrations.
 */
export function signInFailuresMigration(dialect: OpenedDatabase<unknown>['dialect']): Migration {
  return {
    async up(db: Kysely<any>) {
      if (dialect !== 'postgres') return;
      await db.schema
        .createTable('sign_in_failures')
        .addColumn('key', 'text', (col) => col.primaryKey())
        .addColumn('failures', 'integer', (col) => col.notNull())
        .addColumn('window_start', 'bigint', (col) => col.notNull())
        .execute();
    },
    async down(db: Kysely<any>) {
      if (dialect === 'postgres') await db.schema.dropTable('sign_in_failures').execute();
    },
  };
}

/**
 * Counters in the database's `sign_in_failures` table, so that every replica on one PostgreSQL
 * database sees every other's failures: an attacker cannot multiply the allowance by the number of
 * replicas behind the load balancer. One indexed read per sign-in, one upsert per failure.
 */
export class SqlSignInThrottle implements SignInThrottle {
  readonly #db: Kysely<SignInFailuresTable>;
  readonly #limits: SignInLimits;
  readonly #now: () => number;
  #failuresSinceCleanup = 0;

  constructor(db: Kysely<any>, limits: SignInLimits, options: { now?: () => number } = {}) {
    this.#db = db as Kysely<SignInFailuresTable>;
    this.#limits = limits;
    this.#now = options.now ?? Date.now;
  }

  async check(attempt: SignInAttempt): Promise<void> {
    const wanted = counters(attempt, this.#limits);
    const rows = await this.#db
      .selectFrom('sign_in_failures')
      .select(['key', 'failures', 'window_start'])
      .where(
        'key',
        'in',
        wanted.map((c) => c.key),
      )
      .execute();
    const seconds = throttledFor(
      rows.map((r) => ({ key: r.key, failures: Number(r.failures), windowStart: Number(r.window_start) })),
      wanted,
      this.#limits.windowSeconds * 1000,
      this.#now(),
    );
    if (seconds > 0) throw new SignInThrottledError(seconds);
  }

  async recordFailure(attempt: SignInAttempt): Promise<void> {
    const now = this.#now();
    const expired = now - this.#limits.windowSeconds * 1000;
    // One statement per failure, atomic under concurrency: a new or expired window restarts at 1.
    await this.#db
      .insertInto('sign_in_failures')
      .values(counters(attempt, this.#limits).map(({ key }) => ({ key, failures: 1, window_start: now })))
      .onConflict((oc) =>
        oc.column('key').doUpdateSet({
          failures: sql`case when sign_in_failures.window_start <= ${expired} then 1 else sign_in_failures.failures + 1 end`,
          window_start: sql`case when sign_in_failures.window_start <= ${expired} then ${now} else sign_in_failures.window_start end`,
        }),
      )
      .execute();
    // Expired windows are deleted now and then, so the table holds only the current window's clients.
    this.#failuresSinceCleanup += 1;
    if (this.#failuresSinceCleanup >= 1000) {
      this.#failuresSinceCleanup = 0;
      await this.#db.deleteFrom('sign_in_failures').where('window_start', '<=', expired).execute();
    }
  }
}

/** The throttle that fits the database: shared in PostgreSQL, in memory for SQLite. */
export function createSignInThrottle(database: OpenedDatabase<any>, limits: SignInLimits): SignInThrottle {
  return database.dialect === 'postgres' ? new SqlSignInThrottle(database.db, limits) : new MemorySignInThrottle(limits);
}
