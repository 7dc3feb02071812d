import { ensureBootstrapAdmin, type PasswordHasher } from '@repo/auth';
import { UsernameTakenError, type UserStore } from '../stores/user-store.ts';
import { ADMIN_PRIVILEGES } from './principal.ts';

export type BootstrapOutcome =
  /** ADMIN_PASSWORD unset, and an admin exists from an earlier start. */
  | { action: 'kept'; username: string }
  /** The admin did not exist and was created with ADMIN_PASSWORD. */
  | { action: 'created'; username: string }
  /** ADMIN_PASSWORD unset on the first start: `password` was generated and must be shown once. */
  | { action: 'generated'; username: string; password: string }
  /** The user existed with another password (or without the privileges, blocked, basic auth off) and was reset in place (same id) to the admin with ADMIN_PASSWORD. */
  | { action: 'reset'; username: string }
  /** The admin exists with ADMIN_PASSWORD already. */
  | { action: 'unchanged'; username: string };

const ADMIN_FULL_NAME = 'Onezone Admin';

/**
 * Makes sure the bootstrap admin exists with the Onezone admin privileges ({@link ADMIN_PRIVILEGES}).
 *
 * With a configured password, the admin ends up with exactly that password at every start, with
 * basic auth enabled and not blocked, changed in place (its id stays). Without one, the first start
 * generates a password; later starts keep the admin as it is, granting only privileges added since.
 */
export async function bootstrapAdmin(
  store: UserStore,
  hasher: PasswordHasher,
  { username, password }: { username: string; password: string | undefined },
): Promise<BootstrapOutcome> {
  if (password === undefined) {
    const existing = await store.findByUsername(username);
    if (existing !== undefined && ADMIN_PRIVILEGES.some((p) => existing.privileges.includes(p))) {
      // An admin from before a privilege was added to ADMIN_PRIVILEGES: grant the new ones in place.
      await store.update(existing.id, { privileges: [...existing.privileges, ...ADMIN_PRIVILEGES] });
    }
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
  if (existing === undefined) {
    await store.create({ username, fullName: ADMIN_FULL_NAME, passwordHash: await hasher.hash(password), privileges: ADMIN_PRIVILEGES });
    return { action: 'created', username };
  }
  const isAdmin = ADMIN_PRIVILEGES.every((p) => existing.privileges.includes(p));
  const passwordMatches = existing.passwordHash !== null && (await hasher.verify(existing.passwordHash, password));
  if (isAdmin && passwordMatches && existing.basicAuthEnabled && !existing.blocked) return { action: 'unchanged', username };
  // In place: the admin keeps its id (and its client tokens).
  await store.update(existing.id, {
    ...(passwordMatches ? {} : { passwordHash: await hasher.hash(password) }),
    privileges: [...existing.privileges, ...ADMIN_PRIVILEGES],
    basicAuthEnabled: true,
    blocked: false,
  });
  return { action: 'reset', username };
}
