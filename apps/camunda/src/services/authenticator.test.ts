import { describe, expect, it, vi } from 'vitest';
import type { PasswordHasher } from '@repo/auth';
import { SqlUserStore } from '../stores/sql-user-store.ts';
import type { UserStore } from '../stores/user-store.ts';
import { cheapHasher } from '../test-support/harness.ts';
import { Authenticator } from './authenticator.ts';
import { USER_MANAGEMENT } from './principal.ts';

/** A real (cheap) hasher with every call counted. */
function countingHasher() {
  const real = cheapHasher();
  const hasher = {
    hash: vi.fn((password: string) => real.hash(password)),
    verify: vi.fn((hash: string, password: string) => real.verify(hash, password)),
    verifyAgainstNothing: vi.fn((password: string) => real.verifyAgainstNothing(password)),
  } satisfies PasswordHasher;
  return hasher;
}

async function setup(ttlMs = 60_000) {
  const store: UserStore = await SqlUserStore.open({ inMemory: true, dataDir: 'unused', fileName: 'unused' });
  const hasher = countingHasher();
  let now = 1_000_000;
  const clock = { advance: (ms: number) => (now += ms) };
  const authenticator = new Authenticator(store, hasher, { cacheTtlMs: ttlMs, now: () => now, cacheMaxEntries: 2 });
  const add = async (username: string, password: string, permissions: string[] = []) =>
    (await store.create({ username, name: '', email: '', passwordHash: await hasher.hash(password), permissions })).key;
  return { store, hasher, authenticator, clock, add };
}

describe('Authenticator', () => {
  it('returns the principal with its permissions for the right password', async () => {
    const { authenticator, add } = await setup();
    const key = await add('admin', 'pw', [USER_MANAGEMENT]);
    const principal = await authenticator.authenticate('admin', 'pw');
    expect(principal).toEqual({ key, username: 'admin', permissions: new Set([USER_MANAGEMENT]) });
  });

  it('returns null for a wrong password after one verification', async () => {
    const { authenticator, hasher, add } = await setup();
    await add('u', 'pw');
    expect(await authenticator.authenticate('u', 'wrong')).toBeNull();
    expect(hasher.verify).toHaveBeenCalledTimes(1);
  });

  it('does the same argon2id work for an unknown user', async () => {
    const { authenticator, hasher } = await setup();
    expect(await authenticator.authenticate('nobody', 'pw')).toBeNull();
    expect(hasher.verifyAgainstNothing).toHaveBeenCalledWith('pw');
  });

  it('verifies a known password once within the cache lifetime, and again after it', async () => {
    const { authenticator, hasher, add, clock } = await setup(1000);
    await add('u', 'pw');
    await authenticator.authenticate('u', 'pw');
    await authenticator.authenticate('u', 'pw');
    expect(hasher.verify).toHaveBeenCalledTimes(1);
    clock.advance(1001);
    expect(await authenticator.authenticate('u', 'pw')).not.toBeNull();
    expect(hasher.verify).toHaveBeenCalledTimes(2);
  });

  it('verifies a burst of identical credentials once', async () => {
    const { authenticator, hasher, add } = await setup();
    await add('u', 'pw');
    const results = await Promise.all(Array.from({ length: 10 }, () => authenticator.authenticate('u', 'pw')));
    expect(results.every((p) => p?.username === 'u')).toBe(true);
    expect(hasher.verify).toHaveBeenCalledTimes(1);
  });

  it('never caches a failure', async () => {
    const { authenticator, hasher, add } = await setup();
    await add('u', 'pw');
    await authenticator.authenticate('u', 'wrong');
    await authenticator.authenticate('u', 'wrong');
    expect(hasher.verify).toHaveBeenCalledTimes(2);
  });

  it('forgets a cached password once the user is gone or recreated with another one', async () => {
    const { authenticator, store, add } = await setup();
    const key = await add('u', 'old');
    expect(await authenticator.authenticate('u', 'old')).not.toBeNull();
    await store.deleteByKey(key);
    expect(await authenticator.authenticate('u', 'old')).toBeNull();
    await add('u', 'new');
    expect(await authenticator.authenticate('u', 'old')).toBeNull();
    expect(await authenticator.authenticate('u', 'new')).not.toBeNull();
  });

  it('reads permissions fresh even when the password is cached', async () => {
    const { authenticator, store, add } = await setup();
    const key = await add('u', 'pw', [USER_MANAGEMENT]);
    await authenticator.authenticate('u', 'pw');
    const { passwordHash } = (await store.findByUsername('u'))!;
    await store.deleteByKey(key);
    await store.create({ username: 'u', name: '', email: '', passwordHash, permissions: [] });
    expect((await authenticator.authenticate('u', 'pw'))?.permissions.size).toBe(0);
  });

  it('keeps at most cacheMaxEntries credentials', async () => {
    const { authenticator, hasher, add } = await setup();
    for (const name of ['a', 'b', 'c']) await add(name, 'pw');
    for (const name of ['a', 'b', 'c']) await authenticator.authenticate(name, 'pw');
    await authenticator.authenticate('a', 'pw'); // evicted: verified again
    await authenticator.authenticate('c', 'pw'); // still cached
    expect(hasher.verify).toHaveBeenCalledTimes(4);
  });

  it('verifies every request when the cache is off', async () => {
    const { store, hasher, add } = await setup();
    const authenticator = new Authenticator(store, hasher, { cacheTtlMs: 0 });
    await add('u', 'pw');
    await authenticator.authenticate('u', 'pw');
    await authenticator.authenticate('u', 'pw');
    expect(hasher.verify).toHaveBeenCalledTimes(2);
  });
});
