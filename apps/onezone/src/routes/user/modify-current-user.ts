// spec: specs/onezone/paths/user.yaml (patch)
import type { Handler } from '@repo/hono-openapi';
import type { operations } from '@repo/specs/onezone';
import { onezoneError } from '../../errors.ts';
import type { Principal } from '../../services/principal.ts';
import type { OperationDeps } from '../operation-handlers.ts';

/** `modify_current_user`: 204; a username taken by another user is 400 `badValueIdentifierOccupied`. */
export function modifyCurrentUser({ users }: OperationDeps): Handler<operations['modify_current_user'], Principal> {
  return async (req) => {
    const principal = req.principal as Principal;
    const { username, fullName } = req.body;
    const modified = await users.modify(principal.user.id, { username, fullName });
    if (modified.ok) return { status: 204 };
    // notFound: the caller was removed between authentication and now.
    return modified.reason === 'usernameTaken' ? onezoneError('badValueIdentifierOccupied', { key: 'username' }) : onezoneError('notFound');
  };
}
