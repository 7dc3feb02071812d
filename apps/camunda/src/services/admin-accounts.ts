import type { AdminAccounts } from '@repo/auth';
import type { UserRecord, UserStore } from '../stores/user-store.ts';
import { USER_MANAGEMENT } from './principal.ts';

/** Camunda's admin, for the shell's bootstrap: a user holding the user-management permission. */
export function adminAccounts(store: UserStore): AdminAccounts<UserRecord> {
  return {
    find: (username) => store.findByUsername(username),
    anyAdmin: () => store.hasUserWithPermission(USER_MANAGEMENT),
    status: (user) => ({ rights: user.permissions.includes(USER_MANAGEMENT) ? 'all' : 'none', passwordHash: user.passwordHash, canSignIn: true }),
    create: async (username, passwordHash) => {
      await store.create({ username, name: '', email: '', passwordHash, permissions: [USER_MANAGEMENT] });
    },
    makeAdmin: async (user, { passwordHash }) => {
      if (passwordHash !== undefined) await store.update(user.key, { passwordHash });
      if (!user.permissions.includes(USER_MANAGEMENT)) await store.grantPermission(user.key, USER_MANAGEMENT);
    },
  };
}
