import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { PasswordHasher } from '@repo/auth';
import { SqlUserStore } from '../stores/sql-user-store.ts';
import { cheapHasher } from '@repo/test-kit';
import { Authenticator } from './authenticator.ts';

// The mechanism (equal work for unknown users and users without a password, the cache) is
// @repo/auth's, tested in credential-authenticator.test.ts; this is how an Onezone user becomes a
// principal.
describe('Authenticator', () => {
  let store: SqlUserStore;
  let hasher: PasswordHasher;
  beforeEach(async () => {
    store = await SqlUserStore.open({ inMemory: true, dataDir: 'unused', fileName: 'unused' });
    hasher = cheapHasher();
    await store.create({ username: 'alice', fullName: 'Alice', passwordHash: await hasher.hash('alice-password'), privileges: ['oz_users_list'] });
  });
  afterEach(() => store.close());

  it('returns the principal, with its privileges and without the hash, for the right password', async () => {
    const principal = await new Authenticator(store, hasher, { cacheTtlMs: 0 }).authenticate('alice', 'alice-password');
    expect(principal?.user.username).toBe('alice');
    expect([...(principal?.privileges ?? [])]).toEqual(['oz_users_list']);
    expect(principal?.user).not.toHaveProperty('passwordHash');
  });
});
