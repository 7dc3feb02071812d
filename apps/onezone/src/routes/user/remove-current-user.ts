// spec: specs/onezone/paths/user.yaml (delete)
import type { Handler } from '@repo/hono-openapi';
import type { operations } from '@repo/specs/onezone';
import { onezoneError } from '../../errors.ts';
import type { Principal } from '../../services/principal.ts';
import type { OperationDeps } from '../operation-handlers.ts';

/** `remove_current_user`: 204; the caller's tokens go with the account. */
export function removeCurrentUser({ users }: OperationDeps): Handler<operations['remove_current_user'], Principal> {
  return async (req) => {
    const principal = req.principal as Principal;
    const removed = await users.remove(principal.user.id);
    return removed.ok ? { status: 204 } : onezoneError('notFound');
  };
}
