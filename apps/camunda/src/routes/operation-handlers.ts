import type { OperationHandlers } from '@repo/service-shell';
import type { operations } from '@repo/specs/camunda';
import type { Principal } from '../services/principal.ts';
import type { UserService } from '../services/user-service.ts';
import { createUser } from './users/create-user.ts';
import { deleteUser } from './users/delete-user.ts';
import { searchUsers } from './users/search-users.ts';
import { updateUser } from './users/update-user.ts';

/** What the handlers need. */
export interface OperationDeps {
  users: UserService;
}

/** The registry: one handler per operationId of the spec (a missing one does not compile). */
export function operationHandlers({ users }: OperationDeps): OperationHandlers<operations, Principal> {
  return {
    createUser: createUser(users),
    searchUsers: searchUsers(users),
    updateUser: updateUser(users),
    deleteUser: deleteUser(users),
  };
}
