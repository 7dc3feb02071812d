// spec: specs/onezone/paths/users-{id}-basic-auth.yaml (patch)
import type { Handler } from '@repo/hono-openapi';
import type { operations } from '@repo/specs/onezone';
import { onezoneError } from '../../errors.ts';
import type { Principal } from '../../services/principal.ts';
import type { OperationDeps } from '../operation-handlers.ts';

/** `change_user_basic_auth_settings`: 204; 404 for an unknown id. */
export function changeUserBasicAuthSettings({ users }: OperationDeps): Handler<operations['change_user_basic_auth_settings'], Principal> {
  return async (req) => {
    const { basicAuthEnabled, newPassword } = req.body;
    const changed = await users.changeBasicAuth(req.params.id, { basicAuthEnabled, newPassword });
    return changed.ok ? { status: 204 } : onezoneError('notFound');
  };
}
