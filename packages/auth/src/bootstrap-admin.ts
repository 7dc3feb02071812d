import { randomBytes } from 'node:crypto';
import type { PasswordHasher } from './password-hasher.ts';

export const DEFAULT_ADMIN_USERNAME = 'admin';

/** The bootstrap admin's credentials and where the password came from. */
export interface AdminCredentials {
  username: string;
  password: string;
  /** True when no password was configured and {@link generatePassword} made one. */
  generated: boolean;
}

/** 18 random bytes as base64url: 24 characters, 144 bits. */
export function generatePassword(bytes = 18): string {
  return randomBytes(bytes).toString('base64url');
}

/** Configured values (ADMIN_USERNAME / ADMIN_PASSWORD, read by the app's config) or a generated password. */
export function resolveAdminCredentials(configured: { username?: string | undefined; password?: string | undefined }): AdminCredentials {
  const username = configured.username || DEFAULT_ADMIN_USERNAME;
  return configured.password
    ? { username, password: configured.password, generated: false }
    : { username, password: generatePassword(), generated: true };
}

export interface EnsureBootstrapAdminOptions {
  /** True when the store already holds a user with the admin privileges. */
  adminExists: () => Promise<boolean>;
  /** Stores the admin with the API's admin privileges. */
  createAdmin: (admin: { username: string; passwordHash: string }) => Promise<void>;
  hasher: PasswordHasher;
  username?: string | undefined;
  password?: string | undefined;
}

export type BootstrapAdminResult =
  | { created: false }
  | { created: true; credentials: AdminCredentials };

/**
 * Creates the bootstrap admin on the first start (when no admin exists yet). When the result has
 * `credentials.generated`, the app must show the password once: it is stored only as a hash.
 */
export async function ensureBootstrapAdmin(options: EnsureBootstrapAdminOptions): Promise<BootstrapAdminResult> {
  if (await options.adminExists()) return { created: false };
  const credentials = resolveAdminCredentials(options);
  try {
    await options.createAdmin({ username: credentials.username, passwordHash: await options.hasher.hash(credentials.password) });
  } catch (error) {
    // Another process starting at the same time created it first (where no start-up lock is held):
    // its admin stands, and its password is the one it printed.
    if (await options.adminExists()) return { created: false };
    throw error;
  }
  return { created: true, credentials };
}
