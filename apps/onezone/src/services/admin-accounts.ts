import type { AdminAccounts } from '@repo/auth';
import type { UserStore, UserWithCredentials } from '../stores/user-store.ts';
import { ADMIN_PRIVILEGES } from './principal.ts';

const ADMIN_FULL_NAME = 'Onezone Admin';

/**
 * Onezone's admin, for the shell's bootstrap: a user holding every one of {@link ADMIN_PRIVILEGES},
 * able to sign in with a password when basic auth is enabled and the user is not blocked.
 */
export function adminAccounts(store: UserStore): AdminAccounts<UserWithCredentials> {
  return {
    find: (username) => store.findByUsername(username),
    anyAdmin: async () => (await Promise.all(ADMIN_PRIVILEGES.map((p) => store.hasUserWithPrivilege(p)))).every(Boolean),
    status: (user) => {
      const held = ADMIN_PRIVILEGES.filter((p) => user.privileges.includes(p)).length;
      return {
        rights: held === ADMIN_PRIVILEGES.length ? 'all' : held > 0 ? 'some' : 'none',
        passwordHash: user.passwordHash,
        canSignIn: user.basicAuthEnabled && !user.blocked,
      };
    },
    create: async (username, passwordHash) => {
      await store.create({ username, fullName: ADMIN_FULL_NAME, passwordHash, privileges: ADMIN_PRIVILEGES });
    },
    // In place: the admin keeps its id (and its client tokens).
    makeAdmin: async (user, { passwordHash, enable }) => {
      await store.update(user.id, {
        ...(passwordHash === undefined ? {} : { passwordHash }),
        privileges: [...new Set([...user.privileges, ...ADMIN_PRIVILEGES])],
        ...(enable ? { basicAuthEnabled: true, blocked: false } : {}),
      });
    },
  };
}
