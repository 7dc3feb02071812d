import type { OpenApiApp } from '@repo/hono-openapi';
import type { paths } from '@repo/specs/onezone';
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

/** What the route handlers need. */
export interface RouteDeps {
  users: UserService;
  tokens: ClientTokenService;
  /** Public root for `Location` (no trailing slash); undefined: @repo/http's `publicOrigin` decides. */
  publicBaseUrl: string | undefined;
  /** The API's base path, `/api/v3/onezone`. */
  basePath: string;
}

/**
 * Registers every operation's handler. The runtime has checked the operation's `x-privileges`
 * (authorization.ts) before any of them runs.
 */
export function registerRoutes(api: OpenApiApp<paths, Principal>, deps: RouteDeps): void {
  api
    .handle('post', '/users', createUser(deps))
    .handle('get', '/users', listUsers(deps))
    .handle('get', '/users/{id}', getUser(deps))
    .handle('delete', '/users/{id}', removeUser(deps))
    .handle('patch', '/users/{id}/basic_auth', changeUserBasicAuthSettings(deps))
    .handle('patch', '/users/{id}/access_block', toggleUserAccessBlock(deps))
    .handle('get', '/user', getCurrentUser())
    .handle('patch', '/user', modifyCurrentUser(deps))
    .handle('delete', '/user', removeCurrentUser(deps))
    .handle('patch', '/user/password', changeUserPassword(deps))
    .handle('post', '/user/client_tokens', createClientToken(deps))
    .handle('get', '/user/client_tokens', listClientTokens(deps))
    .handle('delete', '/user/client_tokens/{tid}', removeClientToken(deps));
}
