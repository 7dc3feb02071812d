import type { Authorization } from '@repo/hono-openapi';
import { missingPrivileges, type Principal } from './services/principal.ts';

/**
 * Who may call what: each operation's `x-privileges` in the spec, checked by the runtime right
 * after authentication and before the input, so a caller without the privilege gets 403
 * `forbidden`, never a 400 that describes the operation's input. Operations without
 * `x-privileges` (the caller's own account) need authentication only.
 */
export const onezoneAuthorization: Authorization<Principal> = {
  extension: 'x-privileges',
  allows: (principal, required) => missingPrivileges(principal, required).length === 0,
};
