import { ensureBootstrapAdmin, type PasswordHasher } from '@repo/server-kit';
import { UsernameTakenError, type UserStore } from '../stores/user-store.ts';
import { ADMIN_PRIVILEGES } from './principal.ts';

export type BootstrapOutcome =
  /** ADMIN_PASSWORD unset, and an admin exists from an earlier start. */
  | { action: 'kept'; username: string }
  /** The admin did not exist and was created with ADMIN_PASSWORD. */
  | { action: 'created'; username: string }
  /** ADMIN_PASSWORD unset on the first start: `password` was generated and must be shown once. */
  | { action: 'generated'; username: string; password: string }
  /** The user existed with another password (or without the privileges) and was replaced by the admin with ADMIN_PASSWORD. */
  | { action: 'reset'; username: string }
  /** The admin exists with ADMIN_PASSWORD already. */
  | { action: 'unchanged'; username: string };

const ADMIN_FULL_NAME = 'Onezone Admin';

/**
 * Makes sure the bootstrap admin exists with the Onezone admin privileges
 * (`oz_users_create`, `oz_users_list`, `oz_users_view`, `oz_users_delete`).
 *
 * With a configured password, the admin ends up with exactly that password at every start.
 * Without one, the first start generates a password; later starts keep the admin as it is.
 */
export async function bootstrapAdmin(
  store: UserStore,
  hasher: PasswordHasher,
  { username, password }: { username: string; password: string | undefined },
): Promise<BootstrapOutcome> {
  if (password === undefined) {
    const result = await ensureBootstrapAdmin({
      hasher,
      username,
      adminExists: async () => (await Promise.all(ADMIN_PRIVILEGES.map((p) => store.hasUserWithPrivilege(p)))).every(Boolean),
      createAdmin: async (admin) => {
        try {
          await store.create({ username: admin.username, fullName: ADMIN_FULL_NAME, passwordHash: admin.passwordHash, privileges: ADMIN_PRIVILEGES });
        } catch (error) {
          if (error instanceof UsernameTakenError) {
            throw new Error(`User "${username}" exists but is not the admin; set ADMIN_PASSWORD to make it the admin with that password`);
          }
          throw error;
        }
      },
    });
    if (!result.created) return { action: 'kept', username };
    return { action: 'generated', username, password: result.credentials.password };
  }

  const existing = await store.findByUsername(username);
  if (existing !== undefined) {
    const isAdmin = ADMIN_PRIVILEGES.every((p) => existing.privileges.includes(p));
    if (isAdmin && existing.passwordHash !== null && (await hasher.verify(existing.passwordHash, password))) {
      return { action: 'unchanged', username };
    }
    // The UserStore port has no password update: replace the user (its id changes).
    await store.remove(existing.id);
  }
  const passwordHash = await hasher.hash(password);
  await store.create({ username, fullName: existing?.fullName ?? ADMIN_FULL_NAME, passwordHash, privileges: ADMIN_PRIVILEGES });
  return { action: existing === undefined ? 'created' : 'reset', username };
}
