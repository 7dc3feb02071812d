// spec: specs/onezone/paths/users-{id}.yaml (delete)
import type { Handler } from '@repo/hono-openapi';
import type { operations } from '@repo/specs/onezone';
import { onezoneError } from '../../errors.ts';
import type { Principal } from '../../services/principal.ts';
import type { OperationDeps } from '../operation-handlers.ts';

/** `remove_user`: 204; 404 for an unknown id. */
export function removeUser({ users }: OperationDeps): Handler<operations['remove_user'], Principal> {
  return async (req) => {
    const removed = await users.remove(req.params.id);
    if (!removed.ok) return onezoneError('notFound');
    return { status: 204 };
  };
}
