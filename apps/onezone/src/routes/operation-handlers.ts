import type { OperationHandlers } from '@repo/service-shell';
import type { operations } from '@repo/specs/onezone';
import type { ClientTokenService } from '../services/client-token-service.ts';
import type { Principal } from '../services/principal.ts';
import type { UserService } from '../services/user-service.ts';
import { createClientToken } from './client-tokens/create-client-token.ts';
import { listClientTokens } from './client-tokens/list-client-tokens.ts';
import { removeClientToken } from './client-tokens/remove-client-token.ts';
import { changeUserPassword } from './user/change-user-password.ts';
import { modifyCurrentUser } from './user/modify-current-user.ts';
import { removeCurrentUser } from './user/remove-current-user.ts';
import { changeUserBasicAuthSettings } from './users/change-user-basic-auth-settings.ts';
import { createUser } from './users/create-user.ts';
import { getCurrentUser } from './users/get-current-user.ts';
import { getUser } from './users/get-user.ts';
import { listUsers } from './users/list-users.ts';
import { removeUser } from './users/remove-user.ts';
import { toggleUserAccessBlock } from './users/toggle-user-access-block.ts';

/** What the handlers need. */
export interface OperationDeps {
  users: UserService;
  tokens: ClientTokenService;
  /** The API's base path, `/api/v3/onezone`. */
  basePath: string;
}

/** The registry: one handler per operationId of the spec (a missing one does not compile). */
export function operationHandlers(deps: OperationDeps): OperationHandlers<operations, Principal> {
  return {
    create_user: createUser(deps),
    list_users: listUsers(deps),
    get_user: getUser(deps),
    remove_user: removeUser(deps),
    change_user_basic_auth_settings: changeUserBasicAuthSettings(deps),
    toggle_user_access_block: toggleUserAccessBlock(deps),
    get_current_user: getCurrentUser(),
    modify_current_user: modifyCurrentUser(deps),
    remove_current_user: removeCurrentUser(deps),
    change_user_password: changeUserPassword(deps),
    create_client_token: createClientToken(deps),
    list_client_tokens: listClientTokens(deps),
    remove_client_token: removeClientToken(deps),
  };
}
