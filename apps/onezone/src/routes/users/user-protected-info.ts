import type { components } from '@repo/specs/onezone';
import type { UserRecord } from '../../stores/user-store.ts';

/** A stored user as the API shows it; privileges and the password hash stay inside. */
export function userProtectedInfo(user: UserRecord): components['schemas']['UserProtectedInfo'] {
  return {
    userId: user.id,
    fullName: user.fullName,
    username: user.username,
    linkedAccounts: [],
    emails: user.emails,
    basicAuthEnabled: user.basicAuthEnabled,
    blocked: user.blocked,
    creationTime: user.creationTime,
  };
}
