/** Camunda's permission to create, read, update and delete users; the bootstrap admin holds it. */
export const USER_MANAGEMENT = 'user-management';

/** The authenticated caller of a request. */
export interface Principal {
  readonly key: number;
  readonly username: string;
  readonly permissions: ReadonlySet<string>;
}

/** What a caller may do to users; the names are Camunda's, as its 403 details print them. */
export type UserOperation = 'CREATE' | 'READ' | 'UPDATE' | 'DELETE';

/** Whether `principal` may perform `operation` on users. Every user operation needs user-management. */
export function mayManageUsers(principal: Principal, _operation: UserOperation): boolean {
  return principal.permissions.has(USER_MANAGEMENT);
}
