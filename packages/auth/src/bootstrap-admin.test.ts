import { describe, expect, it } from 'vitest';
import { ensureBootstrapAdmin, generatePassword, resolveAdminCredentials } from './bootstrap-admin.ts';
import type { PasswordHasher } from './password-hasher.ts';

const fakeHasher: PasswordHasher = {
  hash: async (pw) => `hashed:${pw}`,
  verify: async (h, pw) => h === `hashed:${pw}`,
  verifyAgainstNothing: async () => false,
};

describe('resolveAdminCredentials', () => {
  it('uses the configured username and password', () => {
    expect(resolveAdminCredentials({ username: 'root', password: 'configured-pw' })).toEqual({
      username: 'root',
      password: 'configured-pw',
      generated: false,
    });
  });

  it('generates a strong password and defaults the username to admin', () => {
    const creds = resolveAdminCredentials({});
    expect(creds.username).toBe('admin');
    expect(creds.generated).toBe(true);
    expect(creds.password).toMatch(/^[\w-]{24}$/);
  });

  it('generates a different password each time', () => {
    expect(generatePassword()).not.toBe(generatePassword());
  });
});

describe('ensureBootstrapAdmin', () => {
  it('creates the admin with a hash when none exists', async () => {
    const created: unknown[] = [];
    const result = await ensureBootstrapAdmin({
      adminExists: async () => false,
      createAdmin: async (admin) => void created.push(admin),
      hasher: fakeHasher,
      username: 'boss',
      password: 'pw-from-env',
    });
    expect(result).toEqual({ created: true, credentials: { username: 'boss', password: 'pw-from-env', generated: false } });
    expect(created).toEqual([{ username: 'boss', passwordHash: 'hashed:pw-from-env' }]);
  });

  it('does nothing when an admin exists', async () => {
    const result = await ensureBootstrapAdmin({
      adminExists: async () => true,
      createAdmin: async () => {
        throw new Error('must not be called');
      },
      hasher: fakeHasher,
    });
    expect(result).toEqual({ created: false });
  });

  it('keeps the admin another process created while this one was creating its own', async () => {
    let exists = false;
    const result = await ensureBootstrapAdmin({
      adminExists: async () => exists,
      createAdmin: async () => {
        exists = true;
        throw new Error('UsernameTakenError: the other process won');
      },
      hasher: fakeHasher,
    });
    expect(result).toEqual({ created: false });
  });

  it('still fails when creating the admin fails and no admin exists', async () => {
    const failing = ensureBootstrapAdmin({ adminExists: async () => false, createAdmin: () => Promise.reject(new Error('disk full')), hasher: fakeHasher });
    await expect(failing).rejects.toThrow('disk full');
  });
});
