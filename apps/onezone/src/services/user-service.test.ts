import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Argon2idPasswordHasher } from '@repo/auth';
import { SqlUserStore } from '../stores/sql-user-store.ts';
import { cheapHasher } from '@repo/test-kit';
import { DEFAULT_FULL_NAME, UserService } from './user-service.ts';

describe('UserService', () => {
  let store: SqlUserStore;
  let users: UserService;
  const hasher = cheapHasher();
  beforeEach(async () => {
    store = await SqlUserStore.open({ inMemory: true, dataDir: 'unused', fileName: 'unused' });
    users = new UserService(store, hasher);
  });
  afterEach(() => store.close());

  it('stores the password as an argon2id hash only', async () => {
    const created = await users.create({ username: 'alice', password: 'alice-password' });
    expect(created.ok).toBe(true);
    const stored = await store.findByUsername('alice');
    expect(stored?.passwordHash).toMatch(/^\$argon2id\$/);
    expect(await hasher.verify(stored?.passwordHash ?? '', 'alice-password')).toBe(true);
  });

  it('gives a user without a full name the default one, and no privileges', async () => {
    const created = await users.create({});
    expect(created).toEqual({ ok: true, value: expect.objectContaining({ fullName: DEFAULT_FULL_NAME, username: null, privileges: [] }) });
  });

  it('reports a taken username as usernameTaken', async () => {
    await users.create({ username: 'alice' });
    expect(await users.create({ username: 'alice' })).toEqual({ ok: false, reason: 'usernameTaken' });
  });

  it('reports removing an unknown id as notFound', async () => {
    expect(await users.remove('nope')).toEqual({ ok: false, reason: 'notFound' });
  });
});
