import { ensureBootstrapAdmin, type PasswordHasher } from '@repo/auth';
import { UsernameTakenError, type UserStore } from '../stores/user-store.ts';
import { USER_MANAGEMENT } from './principal.ts';

export type BootstrapOutcome =
  /** ADMIN_PASSWORD unset, and an admin exists from an earlier start. */
  | { action: 'kept'; username: string }
  /** The admin did not exist and was created with ADMIN_PASSWORD. */
  | { action: 'created'; username: string }
  /** ADMIN_PASSWORD unset on the first start: `password` was generated and must be shown once. */
  | { action: 'generated'; username: string; password: string }
  /** The admin existed with another password (or without the permission) and was reset to ADMIN_PASSWORD. */
  | { action: 'reset'; username: string }
  /** The admin exists with ADMIN_PASSWORD already. */
  | { action: 'unchanged'; username: string };

/**
 * Makes sure the bootstrap admin exists with the `user-management` permission.
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
      adminExists: () => store.hasUserWithPermission(USER_MANAGEMENT),
      createAdmin: async (admin) => {
        try {
          await store.create({ username: admin.username, name: '', email: '', passwordHash: admin.passwordHash, permissions: [USER_MANAGEMENT] });
        } catch (error) {
          if (error instanceof UsernameTakenError) {
            throw new Error(
              `User "${username}" exists but holds no ${USER_MANAGEMENT} permission; set ADMIN_PASSWORD to make it the admin with that password`,
            );
          }
          throw error;
        }
      },
    });
    if (!result.created) return { action: 'kept', username };
    return { action: 'generated', username, password: result.credentials.password };
  }

  const existing = await store.findByUsername(username);
  if (existing === undefined) {
    await store.create({ username, name: '', email: '', passwordHash: await hasher.hash(password), permissions: [USER_MANAGEMENT] });
    return { action: 'created', username };
  }
  const isAdmin = existing.permissions.includes(USER_MANAGEMENT);
  const passwordMatches = await hasher.verify(existing.passwordHash, password);
  if (isAdmin && passwordMatches) return { action: 'unchanged', username };
  // In place: the admin keeps its key, so nothing that refers to it (logs, audit) loses track of it.
  if (!passwordMatches) await store.update(existing.key, { passwordHash: await hasher.hash(password) });
  if (!isAdmin) await store.grantPermission(existing.key, USER_MANAGEMENT);
  return { action: 'reset', username };
}
