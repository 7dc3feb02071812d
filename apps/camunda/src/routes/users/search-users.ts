// spec: specs/camunda/paths/users-search.yaml (post)
import type { UserService } from '../../services/user-service.ts';
import type { CamundaHandler } from '../camunda-handler.ts';

/** `searchUsers`: one page of users (never a password), with the total over all pages. */
export function searchUsers(users: UserService): CamundaHandler<'/users/search', 'post'> {
  return async (req) => {
    const { items, totalItems } = await users.search(req.body ?? {});
    return {
      status: 200,
      body: {
        // name and email are optional in UserResult: an empty one was never given.
        items: items.map(({ key, username, name, email }) => ({
          key,
          username,
          ...(name === '' ? {} : { name }),
          ...(email === '' ? {} : { email }),
        })),
        page: { totalItems },
      },
    };
  };
}
