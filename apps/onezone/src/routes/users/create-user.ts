// spec: specs/onezone/paths/users.yaml (post)
import type { Handler } from '@repo/hono-openapi';
import { publicRoot } from '@repo/service-shell';
import type { operations } from '@repo/specs/onezone';
import { onezoneError } from '../../errors.ts';
import type { Principal } from '../../services/principal.ts';
import type { OperationDeps } from '../operation-handlers.ts';

/** `create_user`: 201 with the new user's absolute URI in `Location`, no body. */
export function createUser({ users, basePath }: OperationDeps): Handler<operations['create_user'], Principal> {
  return async (req, c) => {
    const { username, fullName, password } = req.body;
    const created = await users.create({ username, fullName, password });
    if (!created.ok) return onezoneError('badValueIdentifierOccupied', { key: 'username' });
    // Never the client's Host as sent: PUBLIC_BASE_URL, else the listening address.
    return { status: 201, headers: { Location: `${publicRoot(c)}${basePath}/users/${encodeURIComponent(created.value.id)}` } };
  };
}
