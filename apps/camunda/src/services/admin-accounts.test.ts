import { beforeEach, describe, expect, it } from 'vitest';
import { SqlUserStore } from '../stores/sql-user-store.ts';
import type { UserStore } from '../stores/user-store.ts';
import { cheapHasher } from '../testing/test-app.ts';
import { bootstrapAdmin } from '@repo/auth';
import { adminAccounts } from './admin-accounts.ts';
import { USER_MANAGEMENT } from './principal.ts';

const hasher = cheapHasher();
let store: UserStore;
beforeEach(async () => {
  store = await SqlUserStore.open({ inMemory: true, dataDir: 'unused', fileName: 'unused' });
});

const verifies = async (username: string, password: string) => hasher.verify((await store.findByUsername(username))!.passwordHash, password);

describe('bootstrapAdmin', () => {
  it('generates a strong password on the first start when none is configured', async () => {
    const outcome = await bootstrapAdmin(adminAccounts(store), hasher, { username: 'admin', password: undefined });
    expect(outcome).toEqual({ action: 'generated', username: 'admin', password: expect.stringMatching(/^[\w-]{24}$/) });
    if (outcome.action !== 'generated') throw new Error('unreachable');
    expect(await verifies('admin', outcome.password)).toBe(true);
    expect((await store.findByUsername('admin'))!.permissions).toEqual([USER_MANAGEMENT]);
  });

  it('keeps the existing admin on later starts without a configured password', async () => {
    const first = await bootstrapAdmin(adminAccounts(store), hasher, { username: 'admin', password: undefined });
    const second = await bootstrapAdmin(adminAccounts(store), hasher, { username: 'admin', password: undefined });
    expect(second).toEqual({ action: 'kept', username: 'admin' });
    if (first.action !== 'generated') throw new Error('unreachable');
    expect(await verifies('admin', first.password)).toBe(true);
  });

  it('creates the admin with the configured password', async () => {
    expect(await bootstrapAdmin(adminAccounts(store), hasher, { username: 'root', password: 'configured-pw' })).toEqual({ action: 'created', username: 'root' });
    expect(await verifies('root', 'configured-pw')).toBe(true);
    expect(await bootstrapAdmin(adminAccounts(store), hasher, { username: 'root', password: 'configured-pw' })).toEqual({ action: 'unchanged', username: 'root' });
  });

  it('resets the admin to a changed configured password in place, keeping its key', async () => {
    await bootstrapAdmin(adminAccounts(store), hasher, { username: 'admin', password: undefined });
    const { key } = (await store.findByUsername('admin'))!;
    expect(await bootstrapAdmin(adminAccounts(store), hasher, { username: 'admin', password: 'new-pw' })).toEqual({ action: 'reset', username: 'admin' });
    expect(await verifies('admin', 'new-pw')).toBe(true);
    expect(await store.count()).toBe(1);
    expect((await store.findByUsername('admin'))!.key).toBe(key);
  });

  it('makes an existing plain user of that name the admin when a password is configured', async () => {
    const { key } = await store.create({ username: 'admin', name: 'Ad Min', email: 'a@example.com', passwordHash: await hasher.hash('pw'), permissions: [] });
    expect(await bootstrapAdmin(adminAccounts(store), hasher, { username: 'admin', password: 'pw' })).toEqual({ action: 'reset', username: 'admin' });
    expect(await bootstrapAdmin(adminAccounts(store), hasher, { username: 'admin', password: 'pw' })).toEqual({ action: 'unchanged', username: 'admin' });
    expect(await store.findByUsername('admin')).toMatchObject({ key, name: 'Ad Min', email: 'a@example.com', permissions: [USER_MANAGEMENT] });
  });

  it('refuses to start when a plain user holds the admin name and no password is configured', async () => {
    await store.create({ username: 'admin', name: '', email: '', passwordHash: await hasher.hash('pw'), permissions: [] });
    await expect(bootstrapAdmin(adminAccounts(store), hasher, { username: 'admin', password: undefined })).rejects.toThrow(/ADMIN_PASSWORD/);
  });
});
