// spec: specs/camunda/paths/users-{userKey}.yaml (delete)
import { problem } from '../../errors.ts';
import type { UserService } from '../../services/user-service.ts';
import type { CamundaHandler } from '../camunda-handler.ts';

/** `deleteUser`: 204; 404 when no user has the key. */
export function deleteUser(users: UserService): CamundaHandler<'/users/{userKey}', 'delete'> {
  return async (req, c) => {
    const { userKey } = req.params;
    const outcome = await users.delete(userKey);
    if (outcome.ok) return { status: 204 };
    return problem(c, 'NOT_FOUND', `Expected to delete user with key '${userKey}', but no user with this key exists.`);
  };
}
