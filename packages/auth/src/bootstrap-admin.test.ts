import { describe, expect, it } from 'vitest';
import { bootstrapAdmin, generatePassword, type AdminAccounts, type AdminStatus } from './bootstrap-admin.ts';
import type { PasswordHasher } from './password-hasher.ts';

const hasher: PasswordHasher = {
  hash: async (pw) => `hashed:${pw}`,
  verify: async (h, pw) => h === `hashed:${pw}`,
  verifyAgainstNothing: async () => false,
};

interface Account extends AdminStatus {
  id: number;
  username: string;
}

/** Accounts in a Map; `failCreate` makes create reject after running `beforeFailing`. */
function memoryAccounts(initial: Omit<Account, 'id'>[] = [], failCreate?: { error: Error; beforeFailing?: () => void }) {
  const rows = new Map(initial.map((a, i) => [a.username, { ...a, id: i + 1 }]));
  const accounts: AdminAccounts<Account> = {
    find: async (username) => rows.get(username),
    anyAdmin: async () => [...rows.values()].some((a) => a.rights === 'all'),
    status: (a) => ({ rights: a.rights, passwordHash: a.passwordHash, canSignIn: a.canSignIn }),
    create: async (username, passwordHash) => {
      if (failCreate) {
        failCreate.beforeFailing?.();
        throw failCreate.error;
      }
      if (rows.has(username)) throw new Error('taken');
      rows.set(username, { id: rows.size + 1, username, passwordHash, rights: 'all', canSignIn: true });
    },
    makeAdmin: async (a, { passwordHash, enable }) => {
      a.rights = 'all';
      if (passwordHash !== undefined) a.passwordHash = passwordHash;
      if (enable) a.canSignIn = true;
    },
  };
  return { accounts, rows };
}

describe('bootstrapAdmin with ADMIN_PASSWORD', () => {
  it('creates the admin with a hash of the password', async () => {
    const { accounts, rows } = memoryAccounts();
    expect(await bootstrapAdmin(accounts, hasher, { username: 'boss', password: 'pw' })).toEqual({ action: 'created', username: 'boss' });
    expect(rows.get('boss')).toMatchObject({ passwordHash: 'hashed:pw', rights: 'all' });
  });

  it('leaves an admin that has the password alone', async () => {
    const { accounts } = memoryAccounts([{ username: 'admin', passwordHash: 'hashed:pw', rights: 'all', canSignIn: true }]);
    expect(await bootstrapAdmin(accounts, hasher, { password: 'pw' })).toEqual({ action: 'unchanged', username: 'admin' });
  });

  it('resets another password, missing rights and a disabled sign-in in place', async () => {
    const { accounts, rows } = memoryAccounts([{ username: 'admin', passwordHash: 'hashed:old', rights: 'some', canSignIn: false }]);
    expect(await bootstrapAdmin(accounts, hasher, { password: 'new' })).toEqual({ action: 'reset', username: 'admin' });
    expect(rows.get('admin')).toEqual({ id: 1, username: 'admin', passwordHash: 'hashed:new', rights: 'all', canSignIn: true });
  });

  it('keeps the hash when only the rights were missing', async () => {
    const { accounts, rows } = memoryAccounts([{ username: 'admin', passwordHash: 'hashed:pw', rights: 'none', canSignIn: true }]);
    expect(await bootstrapAdmin(accounts, hasher, { password: 'pw' })).toEqual({ action: 'reset', username: 'admin' });
    expect(rows.get('admin')).toMatchObject({ passwordHash: 'hashed:pw', rights: 'all' });
  });
});

describe('bootstrapAdmin without ADMIN_PASSWORD', () => {
  it('generates a password on the first start and stores only its hash', async () => {
    const { accounts, rows } = memoryAccounts();
    const outcome = await bootstrapAdmin(accounts, hasher, { password: undefined });
    if (outcome.action !== 'generated') throw new Error(`expected generated, got ${outcome.action}`);
    expect(outcome.password).toMatch(/^[\w-]{24}$/);
    expect(rows.get('admin')?.passwordHash).toBe(`hashed:${outcome.password}`);
  });

  it('keeps an existing admin', async () => {
    const { accounts } = memoryAccounts([{ username: 'root', passwordHash: 'hashed:x', rights: 'all', canSignIn: true }]);
    expect(await bootstrapAdmin(accounts, hasher, { password: undefined })).toEqual({ action: 'kept', username: 'admin' });
  });

  it('grants rights added since to an admin from an earlier version, keeping its password and sign-in state', async () => {
    const { accounts, rows } = memoryAccounts([{ username: 'admin', passwordHash: 'hashed:x', rights: 'some', canSignIn: false }]);
    expect(await bootstrapAdmin(accounts, hasher, { password: undefined })).toEqual({ action: 'kept', username: 'admin' });
    expect(rows.get('admin')).toMatchObject({ rights: 'all', passwordHash: 'hashed:x', canSignIn: false });
  });

  it('keeps the admin another process created while this one was creating its own', async () => {
    let other = false;
    const { accounts } = memoryAccounts([], { error: new Error('taken'), beforeFailing: () => (other = true) });
    accounts.anyAdmin = async () => other;
    expect(await bootstrapAdmin(accounts, hasher, { password: undefined })).toEqual({ action: 'kept', username: 'admin' });
  });

  it('refuses to take over a user who is not the admin', async () => {
    const { accounts } = memoryAccounts([{ username: 'admin', passwordHash: 'hashed:x', rights: 'none', canSignIn: true }]);
    await expect(bootstrapAdmin(accounts, hasher, { password: undefined })).rejects.toThrow(/exists but is not the admin; set ADMIN_PASSWORD/);
  });

  it('still fails when creating the admin fails and no admin exists', async () => {
    const { accounts } = memoryAccounts([], { error: new Error('disk full') });
    await expect(bootstrapAdmin(accounts, hasher, { password: undefined })).rejects.toThrow('disk full');
  });
});

describe('generatePassword', () => {
  it('differs each time', () => {
    expect(generatePassword()).not.toBe(generatePassword());
  });
});
