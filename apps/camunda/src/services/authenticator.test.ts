import { describe, expect, it } from 'vitest';
import { SqlUserStore } from '../stores/sql-user-store.ts';
import type { UserStore } from '../stores/user-store.ts';
import { cheapHasher } from '../testing/test-app.ts';
import { Authenticator } from './authenticator.ts';
import { USER_MANAGEMENT } from './principal.ts';

async function setup() {
  const store: UserStore = await SqlUserStore.open({ inMemory: true, dataDir: 'unused', fileName: 'unused' });
  const hasher = cheapHasher();
  const authenticator = new Authenticator(store, hasher, { cacheTtlMs: 60_000 });
  const add = async (username: string, password: string, permissions: string[] = []) =>
    (await store.create({ username, name: '', email: '', passwordHash: await hasher.hash(password), permissions })).key;
  return { store, authenticator, add };
}

// The mechanism (equal work for unknown users, the cache) is @repo/auth's, tested in
// credential-authenticator.test.ts; this is how a Camunda user becomes a principal.
describe('Authenticator', () => {
  it('returns the principal with its permissions for the right password', async () => {
    const { authenticator, add } = await setup();
    const key = await add('admin', 'pw', [USER_MANAGEMENT]);
    const principal = await authenticator.authenticate('admin', 'pw');
    expect(principal).toEqual({ key, username: 'admin', permissions: new Set([USER_MANAGEMENT]) });
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
});
