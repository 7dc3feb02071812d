// spec: specs/onezone/paths/users-{id}.yaml (get)
import type { Handler } from '@repo/hono-openapi';
import type { operations } from '@repo/specs/onezone';
import { onezoneError } from '../../errors.ts';
import type { Principal } from '../../services/principal.ts';
import type { OperationDeps } from '../operation-handlers.ts';
import { userProtectedInfo } from './user-protected-info.ts';

/** `get_user`: the user's protected information; 404 for an unknown id. */
export function getUser({ users }: OperationDeps): Handler<operations['get_user'], Principal> {
  return async (req) => {
    const user = await users.get(req.params.id);
    if (user === undefined) return onezoneError('notFound');
    return { status: 200, body: userProtectedInfo(user) };
  };
}
