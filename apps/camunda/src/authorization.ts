import type { Authorization } from '@repo/hono-openapi';
import { holdsPermissions, type Principal } from './services/principal.ts';

/**
 * Who may call what: each operation's `x-permissions` in the spec, checked by the runtime right
 * after authentication and before the input, so a caller without the permission gets 403
 * `FORBIDDEN` (errors.ts), never a 400 that describes the operation's input.
 */
export const camundaAuthorization: Authorization<Principal> = {
  extension: 'x-permissions',
  allows: (principal, required) => holdsPermissions(principal, required),
};
