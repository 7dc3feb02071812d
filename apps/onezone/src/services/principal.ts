import type { UserRecord } from '../stores/user-store.ts';

/** The Onezone admin privileges over users; the bootstrap admin holds them all. */
export const ADMIN_PRIVILEGES = [
  'oz_users_create',
  'oz_users_list',
  'oz_users_view',
  'oz_users_delete',
  'oz_users_update',
  'oz_users_manage_passwords',
] as const;

/** The authenticated caller of a request: the stored user (without its hash), read afresh per request. */
export interface Principal {
  readonly user: UserRecord;
  readonly privileges: ReadonlySet<string>;
}

export function principalOf(user: UserRecord): Principal {
  return { user, privileges: new Set(user.privileges) };
}

/** The privileges of `required` that `principal` lacks (empty: allowed). */
export function missingPrivileges(principal: Principal, required: readonly string[]): string[] {
  return required.filter((privilege) => !principal.privileges.has(privilege));
}
