import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { PasswordHasher } from '@repo/auth';
import { SqlUserStore } from '../stores/sql-user-store.ts';
import { cheapHasher } from '@repo/test-kit';
import { Authenticator } from './authenticator.ts';

describe('Authenticator', () => {
  let store: SqlUserStore;
  let hasher: PasswordHasher;
  beforeEach(async () => {
    store = await SqlUserStore.open({ inMemory: true, dataDir: 'unused', fileName: 'unused' });
    hasher = cheapHasher();
    await store.create({ username: 'alice', fullName: 'Alice', passwordHash: await hasher.hash('alice-password'), privileges: ['oz_users_list'] });
    await store.create({ username: 'nopass', fullName: 'No Password', passwordHash: null, privileges: [] });
  });
  afterEach(() => store.close());

  it('returns the principal, with its privileges and without the hash, for the right password', async () => {
    const principal = await new Authenticator(store, hasher, { cacheTtlMs: 0 }).authenticate('alice', 'alice-password');
    expect(principal?.user.username).toBe('alice');
    expect([...(principal?.privileges ?? [])]).toEqual(['oz_users_list']);
    expect(principal?.user).not.toHaveProperty('passwordHash');
  });

  it('returns null for a wrong password', async () => {
    expect(await new Authenticator(store, hasher, { cacheTtlMs: 0 }).authenticate('alice', 'wrong')).toBeNull();
  });

  it('does a full verification for an unknown user, as for a wrong password', async () => {
    const nothing = vi.spyOn(hasher, 'verifyAgainstNothing');
    expect(await new Authenticator(store, hasher, { cacheTtlMs: 0 }).authenticate('nobody', 'x')).toBeNull();
    expect(nothing).toHaveBeenCalledOnce();
  });

  it('does a full verification for a user without a password, who never signs in', async () => {
    const nothing = vi.spyOn(hasher, 'verifyAgainstNothing');
    expect(await new Authenticator(store, hasher, { cacheTtlMs: 0 }).authenticate('nopass', '')).toBeNull();
    expect(nothing).toHaveBeenCalledOnce();
  });

  it('remembers a success until the cache entry expires', async () => {
    let now = 0;
    const verify = vi.spyOn(hasher, 'verify');
    const authenticator = new Authenticator(store, hasher, { cacheTtlMs: 1000, now: () => now });
    await authenticator.authenticate('alice', 'alice-password');
    await authenticator.authenticate('alice', 'alice-password');
    expect(verify).toHaveBeenCalledTimes(1);
    now = 1001;
    expect(await authenticator.authenticate('alice', 'alice-password')).not.toBeNull();
    expect(verify).toHaveBeenCalledTimes(2);
  });

  it('never remembers a failure', async () => {
    const verify = vi.spyOn(hasher, 'verify');
    const authenticator = new Authenticator(store, hasher, { cacheTtlMs: 60_000 });
    await authenticator.authenticate('alice', 'wrong');
    await authenticator.authenticate('alice', 'wrong');
    expect(verify).toHaveBeenCalledTimes(2);
  });

  it('verifies a burst of identical credentials once', async () => {
    const verify = vi.spyOn(hasher, 'verify');
    const authenticator = new Authenticator(store, hasher, { cacheTtlMs: 60_000 });
    const results = await Promise.all(Array.from({ length: 10 }, () => authenticator.authenticate('alice', 'alice-password')));
    expect(results.every((p) => p !== null)).toBe(true);
    expect(verify).toHaveBeenCalledTimes(1);
  });

  it('keeps at most cacheMaxEntries remembered credentials', async () => {
    const verify = vi.spyOn(hasher, 'verify');
    await store.create({ username: 'bob', fullName: 'Bob', passwordHash: await hasher.hash('bob-password'), privileges: [] });
    const authenticator = new Authenticator(store, hasher, { cacheTtlMs: 60_000, cacheMaxEntries: 1 });
    await authenticator.authenticate('alice', 'alice-password');
    await authenticator.authenticate('bob', 'bob-password');
    await authenticator.authenticate('alice', 'alice-password');
    expect(verify).toHaveBeenCalledTimes(3);
  });
});
