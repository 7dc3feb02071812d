// spec: specs/onezone/paths/users.yaml (get)
import type { Handler } from '@repo/hono-openapi';
import type { operations } from '@repo/specs/onezone';
import type { Principal } from '../../services/principal.ts';
import type { OperationDeps } from '../operation-handlers.ts';

/** `list_users`: the ids of all users, oldest first. */
export function listUsers({ users }: OperationDeps): Handler<operations['list_users'], Principal> {
  return async () => ({ status: 200, body: { users: await users.list() } });
}
