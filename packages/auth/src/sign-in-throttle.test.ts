import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from '@repo/persistence';
import { runMigrations } from '@repo/persistence';
import { MemorySignInThrottle, SignInThrottledError, signInFailuresMigration, SqlSignInThrottle, type SignInAttempt, type SignInThrottle } from './sign-in-throttle.ts';
import { dropSchema, findTestPostgres, freshSchemaName } from '@repo/test-support';

const limits = { maxFailures: 3, maxFailuresPerAddress: 5, windowSeconds: 10 };
const pg = await findTestPostgres('SqlSignInThrottle on PostgreSQL');

/** A check as a promise, whether the throttle answers synchronously (in memory) or not. */
const check = async (throttle: SignInThrottle, attempt: SignInAttempt) => throttle.check(attempt);

/** The behaviour both throttles share, on a clock the test moves. */
function behaves(make: (now: () => number) => Promise<SignInThrottle>) {
  let t = 1_000_000;
  const now = () => t;
  const fail = async (throttle: SignInThrottle, username: string, address: string, times: number) => {
    for (let i = 0; i < times; i += 1) await throttle.recordFailure({ username, address });
  };

  it('throttles a username from one address after maxFailures, with the rest of the window', async () => {
    const throttle = await make(now);
    await fail(throttle, 'admin', '10.0.0.1', 2);
    await check(throttle, { username: 'admin', address: '10.0.0.1' });
    await fail(throttle, 'admin', '10.0.0.1', 1);
    t += 4000;
    const refused = check(throttle, { username: 'admin', address: '10.0.0.1' });
    await expect(refused).rejects.toBeInstanceOf(SignInThrottledError);
    await expect(refused).rejects.toMatchObject({ retryAfterSeconds: 6 });
  });

  it('leaves the same username from another address, and other usernames, alone', async () => {
    const throttle = await make(now);
    await fail(throttle, 'admin', '10.0.0.2', 3);
    await check(throttle, { username: 'admin', address: '10.0.0.3' });
    await check(throttle, { username: 'other', address: '10.0.0.2' });
  });

  it('throttles an address after maxFailuresPerAddress over any usernames', async () => {
    const throttle = await make(now);
    for (const username of ['a', 'b', 'c', 'd', 'e']) await fail(throttle, username, '10.0.0.4', 1);
    await expect(check(throttle, { username: 'f', address: '10.0.0.4' })).rejects.toBeInstanceOf(SignInThrottledError);
  });

  it('starts a new window once the old one is over', async () => {
    const throttle = await make(now);
    await fail(throttle, 'admin', '10.0.0.5', 3);
    t += 10_000;
    await check(throttle, { username: 'admin', address: '10.0.0.5' });
    await fail(throttle, 'admin', '10.0.0.5', 2);
    await check(throttle, { username: 'admin', address: '10.0.0.5' });
  });
}

describe('MemorySignInThrottle', () => {
  behaves(async (now) => new MemorySignInThrottle(limits, { now }));

  it('stays within maxEntries under a flood of addresses', async () => {
    const throttle = new MemorySignInThrottle(limits, { maxEntries: 10 });
    for (let i = 0; i < 50; i += 1) await throttle.recordFailure({ username: 'x', address: `10.1.0.${i}` });
    // The newest client is still counted.
    await throttle.recordFailure({ username: 'x', address: '10.1.0.49' });
    await throttle.recordFailure({ username: 'x', address: '10.1.0.49' });
    await expect(check(throttle, { username: 'x', address: '10.1.0.49' })).rejects.toBeInstanceOf(SignInThrottledError);
  });

  it('answers synchronously, so that a request need not wait a turn for it', async () => {
    const throttle = new MemorySignInThrottle(limits);
    expect(throttle.check({ username: 'admin', address: '10.3.0.1' })).toBeUndefined();
    for (let i = 0; i < limits.maxFailures; i += 1) await throttle.recordFailure({ username: 'admin', address: '10.3.0.1' });
    expect(throttle.check({ username: 'admin', address: '10.3.0.2' })).toBeUndefined();
    expect(() => throttle.check({ username: 'admin', address: '10.3.0.1' })).toThrow(SignInThrottledError);
  });
});

describe.skipIf(!pg.available)('SqlSignInThrottle on PostgreSQL', () => {
  const schema = freshSchemaName('test_throttle');
  const opened = openDatabase<any>({ databaseUrl: pg.url, pgSchema: schema, dataDir: 'unused', fileName: 'unused', pgPoolSize: 4 }).then(async (database) => {
    await runMigrations(database.db, { migrations: { '0001_sign_in_failures': signInFailuresMigration('postgres') }, dialect: 'postgres' });
    return database;
  });
  afterAll(async () => {
    await (await opened).close();
    await dropSchema(pg.url, schema);
  });

  behaves(async (now) => new SqlSignInThrottle((await opened).db, limits, { now }));

  it('shares the counters between two throttles on one database, as replicas do', async () => {
    const db = (await opened).db;
    const [a, b] = [new SqlSignInThrottle(db, limits), new SqlSignInThrottle(db, limits)];
    await Promise.all([a, b, a].map((throttle) => throttle.recordFailure({ username: 'shared', address: '10.2.0.1' })));
    await expect(check(b, { username: 'shared', address: '10.2.0.1' })).rejects.toBeInstanceOf(SignInThrottledError);
  });
});
