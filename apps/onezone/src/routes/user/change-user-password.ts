// spec: specs/onezone/paths/user-password.yaml (patch)
import type { Handler } from '@repo/hono-openapi';
import type { operations } from '@repo/specs/onezone';
import { REALM_CHALLENGE } from '../../security.ts';
import { onezoneError } from '../../errors.ts';
import type { Principal } from '../../services/principal.ts';
import type { OperationDeps } from '../operation-handlers.ts';

/** `change_user_password`: 204, in place; a wrong `oldPassword` is 401 `unauthorized` (`badBasicCredentials`). */
export function changeUserPassword({ users }: OperationDeps): Handler<operations['change_user_password'], Principal> {
  return async (req) => {
    const principal = req.principal as Principal;
    const changed = await users.changePassword(principal.user.id, req.body.oldPassword, req.body.newPassword);
    if (changed.ok) return { status: 204 };
    if (changed.reason === 'notFound') return onezoneError('notFound');
    return { ...onezoneError('badBasicCredentials'), headers: { 'WWW-Authenticate': REALM_CHALLENGE } };
  };
}
