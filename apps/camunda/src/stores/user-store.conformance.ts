import { beforeEach, describe, expect, it } from 'vitest';
import type { ConformanceContext } from '@repo/test-kit';
import { FIRST_USER_KEY, UsernameTakenError, type NewUser, type UserStore } from './user-store.ts';

function newUser(username: string, extra: Partial<NewUser> = {}): NewUser {
  return { username, name: `${username} name`, email: `${username}@example.com`, passwordHash: `$argon2id$fake$${username}`, permissions: [], ...extra };
}

/** The behaviour every {@link UserStore} implementation must show (run by user-store.test.ts on every backend). */
export function userStoreConformance(store: UserStore, { persistent, reopen }: ConformanceContext): void {

  it('stores a user and reads it back by username', async () => {
    const before = Date.now();
    const { key } = await store.create(newUser('alice', { name: 'Alice A', email: 'alice@example.com' }));
    const found = await store.findByUsername('alice');
    expect(found).toEqual({
      key,
      username: 'alice',
      name: 'Alice A',
      email: 'alice@example.com',
      passwordHash: '$argon2id$fake$alice',
      permissions: [],
      createdAt: expect.any(Date),
    });
    expect(found!.createdAt.getTime()).toBeGreaterThanOrEqual(before - 1000);
  });

  it('hands out Camunda-like keys that increase and stay exact in JavaScript', async () => {
    const first = await store.create(newUser('a'));
    const second = await store.create(newUser('b'));
    expect(first.key).toBeGreaterThanOrEqual(FIRST_USER_KEY);
    expect(second.key).toBeGreaterThan(first.key);
    expect(Number.isSafeInteger(second.key)).toBe(true);
  });

  it('never reuses the key of a deleted user', async () => {
    const first = await store.create(newUser('a'));
    await store.deleteByKey(first.key);
    const second = await store.create(newUser('b'));
    expect(second.key).toBeGreaterThan(first.key);
  });

  it('returns undefined for an unknown username', async () => {
    expect(await store.findByUsername('nobody')).toBeUndefined();
  });

  it('answers undefined, not a database error, for a username holding U+0000', async () => {
    await store.create(newUser('alice'));
    expect(await store.findByUsername('alice\u0000')).toBeUndefined();
    expect(await store.findByUsername('\u0000alice')).toBeUndefined();
  });

  it('throws UsernameTakenError when the username is taken', async () => {
    await store.create(newUser('alice'));
    await expect(store.create(newUser('alice', { name: 'Other' }))).rejects.toBeInstanceOf(UsernameTakenError);
    expect(await store.count()).toBe(1);
  });

  it('treats usernames that differ only in case as different', async () => {
    await store.create(newUser('alice'));
    await store.create(newUser('Alice'));
    expect(await store.count()).toBe(2);
  });

  it('lets exactly one of 50 concurrent creates of one username succeed', async () => {
    const results = await Promise.allSettled(Array.from({ length: 50 }, (_, i) => store.create(newUser('race', { name: `n${i}` }))));
    const rejected = results.filter((r) => r.status === 'rejected');
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    expect(rejected.every((r) => r.reason instanceof UsernameTakenError)).toBe(true);
    expect(await store.count()).toBe(1);
  });

  it('keeps permissions and answers hasUserWithPermission', async () => {
    await store.create(newUser('admin', { permissions: ['user-management', 'read'] }));
    await store.create(newUser('plain'));
    expect((await store.findByUsername('admin'))?.permissions).toEqual(['read', 'user-management']);
    expect((await store.findByUsername('plain'))?.permissions).toEqual([]);
    expect(await store.hasUserWithPermission('user-management')).toBe(true);
    expect(await store.hasUserWithPermission('other')).toBe(false);
  });

  it('deletes a user by key, with its permissions', async () => {
    const { key } = await store.create(newUser('admin', { permissions: ['user-management'] }));
    expect(await store.deleteByKey(key)).toBe(true);
    expect(await store.findByUsername('admin')).toBeUndefined();
    expect(await store.hasUserWithPermission('user-management')).toBe(false);
    expect(await store.deleteByKey(key)).toBe(false);
  });

  it('updates name, email and password hash in place, keeping key, username and permissions', async () => {
    const { key } = await store.create(newUser('alice', { permissions: ['user-management'] }));
    expect(await store.update(key, { name: 'Alice B', email: 'b@example.com', passwordHash: '$argon2id$fake$new' })).toBe(true);
    expect(await store.findByUsername('alice')).toMatchObject({
      key,
      username: 'alice',
      name: 'Alice B',
      email: 'b@example.com',
      passwordHash: '$argon2id$fake$new',
      permissions: ['user-management'],
    });
  });

  it('leaves absent fields of an update as they are', async () => {
    const { key } = await store.create(newUser('alice'));
    expect(await store.update(key, { email: 'new@example.com' })).toBe(true);
    expect(await store.findByUsername('alice')).toMatchObject({ name: 'alice name', email: 'new@example.com', passwordHash: '$argon2id$fake$alice' });
    expect(await store.update(key, {})).toBe(true);
  });

  it('returns false when updating an unknown key', async () => {
    expect(await store.update(FIRST_USER_KEY + 1000, { name: 'x' })).toBe(false);
    expect(await store.update(FIRST_USER_KEY + 1000, {})).toBe(false);
    expect(await store.update(2 ** 60, { name: 'x' })).toBe(false);
  });

  it('grants a permission once, however often it is granted', async () => {
    const { key } = await store.create(newUser('alice'));
    expect(await store.grantPermission(key, 'user-management')).toBe(true);
    expect(await store.grantPermission(key, 'user-management')).toBe(true);
    expect((await store.findByUsername('alice'))?.permissions).toEqual(['user-management']);
    expect(await store.grantPermission(FIRST_USER_KEY + 1000, 'user-management')).toBe(false);
  });

  it('returns false when deleting an unknown key', async () => {
    expect(await store.deleteByKey(FIRST_USER_KEY + 1000)).toBe(false);
    expect(await store.deleteByKey(2 ** 60)).toBe(false);
  });

  it('frees a deleted username for a new user', async () => {
    const { key } = await store.create(newUser('alice'));
    await store.deleteByKey(key);
    await expect(store.create(newUser('alice'))).resolves.toEqual({ key: expect.any(Number) });
  });

  describe('search', () => {
    beforeEach(async () => {
      // Created in this order, so key order is a, b, c, d.
      await store.create(newUser('a', { name: 'Same', email: 'x@example.com' }));
      await store.create(newUser('b', { name: 'Zed', email: '' }));
      await store.create(newUser('c', { name: 'Same', email: 'x@example.com' }));
      await store.create(newUser('d', { name: 'Ann', email: 'd@example.com' }));
    });
    const usernames = (r: { items: { username: string }[] }) => r.items.map((i) => i.username);

    it('returns all users in key order with the total, and no password hash', async () => {
      const result = await store.search({ from: 0, limit: 10 });
      expect(usernames(result)).toEqual(['a', 'b', 'c', 'd']);
      expect(result.totalItems).toBe(4);
      expect(Object.keys(result.items[0]!).sort()).toEqual(['email', 'key', 'name', 'username']);
    });

    it('filters by exact username, name and email together', async () => {
      expect(usernames(await store.search({ filter: { name: 'Same' }, from: 0, limit: 10 }))).toEqual(['a', 'c']);
      expect(usernames(await store.search({ filter: { name: 'Same', username: 'c' }, from: 0, limit: 10 }))).toEqual(['c']);
      expect(usernames(await store.search({ filter: { email: 'x@example.com' }, from: 0, limit: 10 }))).toEqual(['a', 'c']);
      expect(usernames(await store.search({ filter: { name: 'same' }, from: 0, limit: 10 }))).toEqual([]);
      expect(usernames(await store.search({ filter: { name: 'Sam' }, from: 0, limit: 10 }))).toEqual([]);
    });

    it('pages with from and limit while totalItems counts every match', async () => {
      const page = await store.search({ from: 1, limit: 2 });
      expect(usernames(page)).toEqual(['b', 'c']);
      expect(page.totalItems).toBe(4);
      const beyond = await store.search({ filter: { name: 'Same' }, from: 5, limit: 2 });
      expect(beyond).toEqual({ items: [], totalItems: 2 });
      expect(await store.search({ from: 0, limit: 0 })).toEqual({ items: [], totalItems: 4 });
      expect(await store.search({ filter: { name: 'nobody' }, from: 0, limit: 2 })).toEqual({ items: [], totalItems: 0 });
    });

    it('sorts by a field in either order, ties broken by key', async () => {
      expect(usernames(await store.search({ sort: [{ field: 'name', order: 'asc' }], from: 0, limit: 10 }))).toEqual(['d', 'a', 'c', 'b']);
      expect(usernames(await store.search({ sort: [{ field: 'name', order: 'desc' }], from: 0, limit: 10 }))).toEqual(['b', 'a', 'c', 'd']);
      expect(usernames(await store.search({ sort: [{ field: 'username', order: 'desc' }], from: 0, limit: 10 }))).toEqual(['d', 'c', 'b', 'a']);
    });

    it('sorts by several fields in order', async () => {
      const sort = [{ field: 'email', order: 'desc' }, { field: 'username', order: 'desc' }] as const;
      expect(usernames(await store.search({ sort, from: 0, limit: 10 }))).toEqual(['c', 'a', 'd', 'b']);
    });
  });

  it.skipIf(!persistent)('keeps its data when closed and reopened', async () => {
    const { key } = await store.create(newUser('durable', { permissions: ['user-management'] }));
    await reopen();
    expect(await store.findByUsername('durable')).toMatchObject({ key, permissions: ['user-management'] });
    expect((await store.create(newUser('next'))).key).toBeGreaterThan(key);
  });
}
