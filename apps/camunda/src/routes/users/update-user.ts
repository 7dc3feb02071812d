// spec: specs/camunda/paths/users-{userKey}.yaml (put)
import { problem } from '../../errors.ts';
import type { UserService } from '../../services/user-service.ts';
import type { CamundaHandler } from '../camunda-handler.ts';

/** `updateUser`: 204 once the user is changed in place; 404 when no user has the key. */
export function updateUser(users: UserService): CamundaHandler<'/users/{userKey}', 'put'> {
  return async (req, c) => {
    const { userKey } = req.params;
    const outcome = await users.update(userKey, req.body);
    if (outcome.ok) return { status: 204 };
    return problem(c, 'NOT_FOUND', `Expected to update user with key '${userKey}', but no user with this key exists.`);
  };
}
