import { describe, expect, it } from 'vitest';
import type { ConformanceContext } from '@repo/test-kit';
import { UsernameTakenError, type NewUser, type UserStore } from './user-store.ts';

const ADMIN_PRIVILEGES = ['oz_users_create', 'oz_users_list', 'oz_users_view', 'oz_users_delete'];

function newUser(username: string | null, extra: Partial<NewUser> = {}): NewUser {
  return { username, fullName: 'Rudolf Lingens', passwordHash: `$argon2id$fake$${username}`, privileges: [], ...extra };
}

/** The behaviour every {@link UserStore} implementation must show (run by user-store.test.ts on every backend). */
export function userStoreConformance(store: UserStore, { persistent, reopen }: ConformanceContext): void {

  it('stores a user and reads the same record back by id', async () => {
    const before = Math.floor(Date.now() / 1000);
    const created = await store.create(newUser('r.lingens'));
    expect(created).toEqual({
      id: expect.stringMatching(/^[0-9a-f]{32}$/),
      username: 'r.lingens',
      fullName: 'Rudolf Lingens',
      emails: [],
      blocked: false,
      creationTime: expect.any(Number),
      basicAuthEnabled: true,
      privileges: [],
    });
    expect(created.creationTime).toBeGreaterThanOrEqual(before);
    expect(created.creationTime).toBeLessThanOrEqual(before + 5);
    expect(await store.get(created.id)).toEqual(created);
  });

  it('gives every user a different opaque id', async () => {
    const a = await store.create(newUser('a1'));
    const b = await store.create(newUser('b1'));
    expect(a.id).not.toBe(b.id);
  });

  it('finds a user by username, with its password hash', async () => {
    const created = await store.create(newUser('alice'));
    expect(await store.findByUsername('alice')).toEqual({ ...created, passwordHash: '$argon2id$fake$alice' });
    expect(await store.findByUsername('nobody')).toBeUndefined();
  });

  it('answers undefined, not a database error, for a username holding U+0000', async () => {
    await store.create(newUser('alice'));
    expect(await store.findByUsername('alice\u0000')).toBeUndefined();
    expect(await store.findByUsername('\u0000alice')).toBeUndefined();
  });

  it('stores a user without a password, who has basic auth disabled', async () => {
    const created = await store.create(newUser('nopass', { passwordHash: null }));
    expect(created.basicAuthEnabled).toBe(false);
    expect((await store.findByUsername('nopass'))?.passwordHash).toBeNull();
  });

  it('stores several users without a username', async () => {
    const a = await store.create(newUser(null, { passwordHash: null }));
    const b = await store.create(newUser(null, { passwordHash: null }));
    expect((await store.get(a.id))?.username).toBeNull();
    expect(await store.list()).toEqual([a.id, b.id]);
  });

  it('throws UsernameTakenError when the username is taken', async () => {
    await store.create(newUser('alice'));
    await expect(store.create(newUser('alice', { fullName: 'Other' }))).rejects.toBeInstanceOf(UsernameTakenError);
    expect(await store.count()).toBe(1);
  });

  it('lets exactly one of 50 concurrent creates of one username succeed', async () => {
    const results = await Promise.allSettled(Array.from({ length: 50 }, () => store.create(newUser('race'))));
    const rejected = results.filter((r) => r.status === 'rejected');
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    expect(rejected.every((r) => r.reason instanceof UsernameTakenError)).toBe(true);
    expect(await store.list()).toHaveLength(1);
  });

  it('lists ids oldest first', async () => {
    const ids: string[] = [];
    for (const username of ['c', 'a', 'b']) ids.push((await store.create(newUser(`user-${username}`))).id);
    expect(await store.list()).toEqual(ids);
  });

  it('keeps privileges and answers hasUserWithPrivilege', async () => {
    const admin = await store.create(newUser('admin', { privileges: ADMIN_PRIVILEGES }));
    await store.create(newUser('plain'));
    expect(admin.privileges).toEqual([...ADMIN_PRIVILEGES].sort());
    expect((await store.get(admin.id))?.privileges).toEqual([...ADMIN_PRIVILEGES].sort());
    expect((await store.findByUsername('plain'))?.privileges).toEqual([]);
    expect((await store.findByUsername('admin'))?.privileges).toEqual([...ADMIN_PRIVILEGES].sort());
    const plain = await store.findByUsername('plain');
    expect((await store.get(plain!.id))?.privileges).toEqual([]);
    expect(await store.hasUserWithPrivilege('oz_users_create')).toBe(true);
    expect(await store.hasUserWithPrivilege('oz_spaces_list')).toBe(false);
  });

  it('removes a user by id, with its privileges', async () => {
    const admin = await store.create(newUser('admin', { privileges: ['oz_users_create'] }));
    expect(await store.remove(admin.id)).toBe(true);
    expect(await store.get(admin.id)).toBeUndefined();
    expect(await store.list()).toEqual([]);
    expect(await store.hasUserWithPrivilege('oz_users_create')).toBe(false);
    expect(await store.remove(admin.id)).toBe(false);
  });

  it('returns false when removing an unknown id and undefined when getting one', async () => {
    expect(await store.remove('0'.repeat(32))).toBe(false);
    expect(await store.get('not-an-id')).toBeUndefined();
  });

  it('frees a removed username for a new user', async () => {
    const first = await store.create(newUser('alice'));
    await store.remove(first.id);
    await expect(store.create(newUser('alice'))).resolves.toMatchObject({ username: 'alice' });
  });

  it.skipIf(!persistent)('keeps its data when closed and reopened', async () => {
    const created = await store.create(newUser('durable', { privileges: ['oz_users_list'] }));
    await reopen();
    expect(await store.get(created.id)).toEqual(created);
    expect(await store.list()).toEqual([created.id]);
  });

  it('changes a user in place: the id stays, absent fields keep their values', async () => {
    const created = await store.create(newUser('alice'));
    const updated = await store.update(created.id, { username: 'alice2', fullName: 'Alice Two' });
    expect(updated).toEqual({ ...created, username: 'alice2', fullName: 'Alice Two' });
    expect(await store.get(created.id)).toEqual(updated);
    expect(await store.findByUsername('alice')).toBeUndefined();
    expect(await store.update(created.id, {})).toEqual(updated);
  });

  it('changes the password hash, basic auth and the block', async () => {
    const created = await store.create(newUser('alice'));
    await store.update(created.id, { passwordHash: '$argon2id$fake$new', basicAuthEnabled: false, blocked: true });
    expect(await store.findByUsername('alice')).toEqual({
      ...created,
      basicAuthEnabled: false,
      blocked: true,
      passwordHash: '$argon2id$fake$new',
    });
    await store.update(created.id, { basicAuthEnabled: true, blocked: false });
    expect(await store.get(created.id)).toEqual(created);
  });

  it('replaces privileges in place, and reads a user with its hash by id', async () => {
    const created = await store.create(newUser('alice', { privileges: ['oz_users_list'] }));
    const updated = await store.update(created.id, { privileges: ADMIN_PRIVILEGES });
    expect(updated?.privileges).toEqual([...ADMIN_PRIVILEGES].sort());
    expect(await store.getWithCredentials(created.id)).toEqual({ ...updated, passwordHash: '$argon2id$fake$alice' });
    expect((await store.update(created.id, { privileges: [] }))?.privileges).toEqual([]);
    expect(await store.getWithCredentials('0'.repeat(32))).toBeUndefined();
  });

  it('keeps basic auth as a setting of its own: a user without a password may have it on', async () => {
    const created = await store.create(newUser('nopass', { passwordHash: null, basicAuthEnabled: true }));
    expect(created.basicAuthEnabled).toBe(true);
    expect((await store.get(created.id))?.basicAuthEnabled).toBe(true);
  });

  it('throws UsernameTakenError when an update takes another user\'s username, and changes nothing', async () => {
    await store.create(newUser('alice'));
    const bob = await store.create(newUser('bob'));
    await expect(store.update(bob.id, { username: 'alice', fullName: 'Bob Two' })).rejects.toBeInstanceOf(UsernameTakenError);
    expect(await store.get(bob.id)).toEqual(bob);
    await expect(store.update(bob.id, { username: 'bob' })).resolves.toEqual(bob);
  });

  it('returns undefined when updating an unknown id', async () => {
    expect(await store.update('0'.repeat(32), { fullName: 'Nobody Here' })).toBeUndefined();
    expect(await store.update('0'.repeat(32), {})).toBeUndefined();
  });

  it('stores client tokens per user, oldest first, and finds their owner by hash', async () => {
    const alice = await store.create(newUser('alice'));
    const bob = await store.create(newUser('bob'));
    const tokens = ['h1', 'h2', 'h3'].map((tokenHash) => ({ tokenHash, sealed: `sealed-${tokenHash}` }));
    for (const token of tokens) expect(await store.addClientToken(alice.id, token)).toBe(true);
    expect(await store.addClientToken(bob.id, { tokenHash: 'hb', sealed: 'sealed-hb' })).toBe(true);
    expect(await store.listClientTokens(alice.id)).toEqual(tokens);
    expect(await store.findByTokenHash('h2')).toEqual(alice);
    expect(await store.findByTokenHash('hb')).toEqual(bob);
    expect(await store.findByTokenHash('unknown')).toBeUndefined();
  });

  it('adds no token for an unknown user', async () => {
    expect(await store.addClientToken('0'.repeat(32), { tokenHash: 'h1', sealed: 's' })).toBe(false);
    expect(await store.findByTokenHash('h1')).toBeUndefined();
  });

  it("removes a client token of its owner only", async () => {
    const alice = await store.create(newUser('alice'));
    const bob = await store.create(newUser('bob'));
    await store.addClientToken(alice.id, { tokenHash: 'h1', sealed: 's1' });
    expect(await store.removeClientToken(bob.id, 'h1')).toBe(false);
    expect(await store.removeClientToken(alice.id, 'h1')).toBe(true);
    expect(await store.removeClientToken(alice.id, 'h1')).toBe(false);
    expect(await store.findByTokenHash('h1')).toBeUndefined();
    expect(await store.listClientTokens(alice.id)).toEqual([]);
  });

  it("removes a user's client tokens with the user", async () => {
    const alice = await store.create(newUser('alice'));
    await store.addClientToken(alice.id, { tokenHash: 'h1', sealed: 's1' });
    await store.remove(alice.id);
    expect(await store.findByTokenHash('h1')).toBeUndefined();
    expect(await store.listClientTokens(alice.id)).toEqual([]);
  });
}
