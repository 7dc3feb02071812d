// spec: specs/onezone/paths/users-{id}-access-block.yaml (patch)
import type { Handler } from '@repo/hono-openapi';
import type { operations } from '@repo/specs/onezone';
import { onezoneError } from '../../errors.ts';
import type { Principal } from '../../services/principal.ts';
import type { OperationDeps } from '../operation-handlers.ts';

/** `toggle_user_access_block`: 204; 404 for an unknown id. */
export function toggleUserAccessBlock({ users }: OperationDeps): Handler<operations['toggle_user_access_block'], Principal> {
  return async (req) => {
    const changed = await users.setBlocked(req.params.id, req.body.blocked);
    return changed.ok ? { status: 204 } : onezoneError('notFound');
  };
}
