import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Argon2idPasswordHasher } from '@repo/auth';
import { SqlUserStore } from '../stores/sql-user-store.ts';
import { cheapHasher } from '@repo/test-kit';
import { bootstrapAdmin } from '@repo/auth';
import { adminAccounts } from './admin-accounts.ts';
import { ADMIN_PRIVILEGES } from './principal.ts';

describe('bootstrapAdmin', () => {
  let store: SqlUserStore;
  const hasher = cheapHasher();
  beforeEach(async () => {
    store = await SqlUserStore.open({ inMemory: true, dataDir: 'unused', fileName: 'unused' });
  });
  afterEach(() => store.close());

  const signsIn = async (username: string, password: string) => {
    const user = await store.findByUsername(username);
    return user?.passwordHash != null && (await hasher.verify(user.passwordHash, password));
  };

  it('generates a password on the first start without ADMIN_PASSWORD, and keeps the admin later', async () => {
    const first = await bootstrapAdmin(adminAccounts(store), hasher, { username: 'admin', password: undefined });
    expect(first.action).toBe('generated');
    const password = first.action === 'generated' ? first.password : '';
    expect(password.length).toBeGreaterThanOrEqual(20);
    expect(await signsIn('admin', password)).toBe(true);
    expect((await store.findByUsername('admin'))?.privileges).toEqual([...ADMIN_PRIVILEGES].sort());
    expect(await bootstrapAdmin(adminAccounts(store), hasher, { username: 'admin', password: undefined })).toEqual({ action: 'kept', username: 'admin' });
    expect(await signsIn('admin', password)).toBe(true);
  });

  it('creates the admin with ADMIN_PASSWORD, and leaves it alone when it already matches', async () => {
    expect((await bootstrapAdmin(adminAccounts(store), hasher, { username: 'root', password: 'configured-pw' })).action).toBe('created');
    expect(await signsIn('root', 'configured-pw')).toBe(true);
    const id = (await store.findByUsername('root'))?.id;
    expect((await bootstrapAdmin(adminAccounts(store), hasher, { username: 'root', password: 'configured-pw' })).action).toBe('unchanged');
    expect((await store.findByUsername('root'))?.id).toBe(id);
  });

  it('resets the admin to a changed ADMIN_PASSWORD in place, keeping its id', async () => {
    await bootstrapAdmin(adminAccounts(store), hasher, { username: 'admin', password: 'old-password' });
    const id = (await store.findByUsername('admin'))?.id;
    expect((await bootstrapAdmin(adminAccounts(store), hasher, { username: 'admin', password: 'new-password' })).action).toBe('reset');
    expect(await signsIn('admin', 'new-password')).toBe(true);
    expect(await signsIn('admin', 'old-password')).toBe(false);
    expect((await store.findByUsername('admin'))?.id).toBe(id);
  });

  it('unblocks the admin and enables its basic auth when ADMIN_PASSWORD is set', async () => {
    await bootstrapAdmin(adminAccounts(store), hasher, { username: 'admin', password: 'admin-password' });
    const id = (await store.findByUsername('admin'))!.id;
    await store.update(id, { blocked: true, basicAuthEnabled: false });
    expect((await bootstrapAdmin(adminAccounts(store), hasher, { username: 'admin', password: 'admin-password' })).action).toBe('reset');
    expect(await store.get(id)).toMatchObject({ blocked: false, basicAuthEnabled: true });
  });

  it('grants an admin from an earlier version the privileges added since, in place', async () => {
    const old = await store.create({ username: 'admin', fullName: 'Admin', passwordHash: await hasher.hash('pw-123456'), privileges: ['oz_users_create', 'oz_users_list'] });
    expect((await bootstrapAdmin(adminAccounts(store), hasher, { username: 'admin', password: undefined })).action).toBe('kept');
    expect((await store.get(old.id))?.privileges).toEqual([...ADMIN_PRIVILEGES].sort());
  });

  it('makes an existing plain user the admin when ADMIN_PASSWORD names it', async () => {
    await store.create({ username: 'alice', fullName: 'Alice', passwordHash: null, privileges: [] });
    expect((await bootstrapAdmin(adminAccounts(store), hasher, { username: 'alice', password: 'alice-admin-pw' })).action).toBe('reset');
    expect((await store.findByUsername('alice'))?.privileges).toEqual([...ADMIN_PRIVILEGES].sort());
  });

  it('refuses to start when ADMIN_USERNAME names a plain user and no password is configured', async () => {
    await store.create({ username: 'alice', fullName: 'Alice', passwordHash: null, privileges: [] });
    await expect(bootstrapAdmin(adminAccounts(store), hasher, { username: 'alice', password: undefined })).rejects.toThrow(/exists but is not the admin/);
  });
});
