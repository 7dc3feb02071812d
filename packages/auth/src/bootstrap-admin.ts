import { randomBytes } from 'node:crypto';
import type { PasswordHasher } from './password-hasher.ts';

export const DEFAULT_ADMIN_USERNAME = 'admin';

/** 18 random bytes as base64url: 24 characters, 144 bits. */
export function generatePassword(bytes = 18): string {
  return randomBytes(bytes).toString('base64url');
}

/** What an account looks like to the bootstrap: how much of the admin it is, and whether it can sign in. */
export interface AdminStatus {
  /** `all` the admin rights of the API, `some` of them (an admin from before a right was added), or `none`. */
  rights: 'all' | 'some' | 'none';
  passwordHash: string | null;
  /** Whether a password sign-in is possible at all (not blocked, basic auth on, …). */
  canSignIn: boolean;
}

/** The bootstrap admin's view of an API's store: each API says what its admin is. */
export interface AdminAccounts<Account> {
  find(username: string): Promise<Account | undefined>;
  /** Whether any account holds all the admin rights. */
  anyAdmin(): Promise<boolean>;
  status(account: Account): AdminStatus;
  /** Creates the admin with every admin right; rejects when the username is taken. */
  create(username: string, passwordHash: string): Promise<void>;
  /**
   * Makes `account` the admin in place (it keeps its key or id, and whatever refers to it): every
   * admin right, the new hash when given, and, with `enable`, able to sign in with a password.
   */
  makeAdmin(account: Account, changes: { passwordHash?: string | undefined; enable: boolean }): Promise<void>;
}

export type BootstrapOutcome =
  /** ADMIN_PASSWORD unset, and an admin exists from an earlier start. */
  | { action: 'kept'; username: string }
  /** The admin did not exist and was created with ADMIN_PASSWORD. */
  | { action: 'created'; username: string }
  /** ADMIN_PASSWORD unset on the first start: `password` was generated and must be shown once. */
  | { action: 'generated'; username: string; password: string }
  /** The account existed with another password (or not fully the admin) and was reset in place to the admin with ADMIN_PASSWORD. */
  | { action: 'reset'; username: string }
  /** The admin exists with ADMIN_PASSWORD already. */
  | { action: 'unchanged'; username: string };

/**
 * Makes sure the bootstrap admin exists. With a configured password the admin ends up with exactly
 * that password at every start, able to sign in, changed in place. Without one, the first start
 * generates a password (shown once: only its hash is stored); later starts keep the admin as it is,
 * granting only rights added since.
 */
export async function bootstrapAdmin<Account>(
  accounts: AdminAccounts<Account>,
  hasher: PasswordHasher,
  { username = DEFAULT_ADMIN_USERNAME, password }: { username?: string | undefined; password: string | undefined },
): Promise<BootstrapOutcome> {
  const existing = await accounts.find(username);
  if (password === undefined) {
    if (existing !== undefined && accounts.status(existing).rights === 'some') await accounts.makeAdmin(existing, { enable: false });
    if (await accounts.anyAdmin()) return { action: 'kept', username };
    const generated = generatePassword();
    try {
      await accounts.create(username, await hasher.hash(generated));
    } catch (error) {
      // Another process starting at the same time created it first (where no start-up lock is held):
      // its admin stands, and its password is the one it printed.
      if (await accounts.anyAdmin()) return { action: 'kept', username };
      if (existing !== undefined) {
        throw new Error(`User "${username}" exists but is not the admin; set ADMIN_PASSWORD to make it the admin with that password`);
      }
      throw error;
    }
    return { action: 'generated', username, password: generated };
  }

  if (existing === undefined) {
    await accounts.create(username, await hasher.hash(password));
    return { action: 'created', username };
  }
  const status = accounts.status(existing);
  const matches = status.passwordHash !== null && (await hasher.verify(status.passwordHash, password));
  if (status.rights === 'all' && matches && status.canSignIn) return { action: 'unchanged', username };
  await accounts.makeAdmin(existing, { passwordHash: matches ? undefined : await hasher.hash(password), enable: true });
  return { action: 'reset', username };
}
