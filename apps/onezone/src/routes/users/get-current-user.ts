// spec: specs/onezone/paths/user.yaml (get)
import type { Handler } from '@repo/hono-openapi';
import type { operations } from '@repo/specs/onezone';
import type { Principal } from '../../services/principal.ts';
import { userProtectedInfo } from './user-protected-info.ts';

/** `get_current_user`: the caller's own protected information; needs no privilege. */
export function getCurrentUser(): Handler<operations['get_current_user'], Principal> {
  return (req) => {
    // Every operation of the spec requires credentials: the runtime answers 401 before a handler runs without one.
    const principal = req.principal as Principal;
    return { status: 200, body: userProtectedInfo(principal.user) };
  };
}
