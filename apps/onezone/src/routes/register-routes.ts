import type { Handler, HttpMethod, OpenApiApp, OperationAt, PathsWithMethod } from '@repo/hono-openapi';
import type { paths } from '@repo/specs/onezone';
import type { Principal } from '../services/principal.ts';
import type { UserService } from '../services/user-service.ts';
import { requiredPrivileges, requirePrivileges } from './require-privileges.ts';
import { createUser } from './users/create-user.ts';
import { getCurrentUser } from './users/get-current-user.ts';
import { getUser } from './users/get-user.ts';
import { listUsers } from './users/list-users.ts';
import { removeUser } from './users/remove-user.ts';

/** What the route handlers need. */
export interface RouteDeps {
  users: UserService;
  /** Public root for `Location` (no trailing slash); undefined: server-kit's `publicOrigin` decides. */
  publicBaseUrl: string | undefined;
  /** The API's base path, `/api/v3/onezone`. */
  basePath: string;
}

/** Registers every operation's handler, each behind the `x-privileges` check. */
export function registerRoutes(api: OpenApiApp<paths, Principal>, deps: RouteDeps): void {
  // Fail at start-up, not at the first request, when an operation's x-privileges is malformed.
  for (const operation of api.operations) requiredPrivileges(operation);
  const handle = <M extends HttpMethod, P extends PathsWithMethod<paths, M>>(
    method: M,
    path: P,
    handler: Handler<OperationAt<paths, P, M>, Principal>,
  ) => api.handle(method, path, requirePrivileges(handler));

  handle('post', '/users', createUser(deps));
  handle('get', '/users', listUsers(deps));
  handle('get', '/users/{id}', getUser(deps));
  handle('delete', '/users/{id}', removeUser(deps));
  handle('get', '/user', getCurrentUser());
}
