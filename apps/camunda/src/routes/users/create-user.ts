// spec: specs/camunda/paths/users.yaml (post)
import { problem } from '../../errors.ts';
import type { UserService } from '../../services/user-service.ts';
import type { CamundaHandler } from '../camunda-handler.ts';

/** `createUser`: 202 with the new user's key; 409 for a taken username. */
export function createUser(users: UserService): CamundaHandler<'/users', 'post'> {
  return async (req, c) => {
    const { username, password, name, email } = req.body;
    const outcome = await users.create({ username, password, name, email });
    if (outcome.ok) return { status: 202, body: { userKey: outcome.value.key } };
    return problem(c, 'ALREADY_EXISTS', `Expected to create user with username '${username}', but a user with this username already exists.`);
  };
}
