/** Camunda's permission to create, read, update and delete users; the bootstrap admin holds it. */
export const USER_MANAGEMENT = 'user-management';

/** The authenticated caller of a request. */
export interface Principal {
  readonly key: number;
  readonly username: string;
  readonly permissions: ReadonlySet<string>;
}

/**
 * Whether `principal` holds every permission of `required`, each written `<resource type>:<permission
 * type>` as the spec's `x-permissions` lists it (`USER:CREATE`). `user-management` grants every
 * permission on `USER`; no other resource exists here, so nothing else is granted.
 */
export function holdsPermissions(principal: Principal, required: readonly string[]): boolean {
  return required.every((permission) => permission.startsWith('USER:') && principal.permissions.has(USER_MANAGEMENT));
}
