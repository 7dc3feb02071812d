// spec: specs/onezone/paths/user-client-tokens.yaml (post)
import type { Handler } from '@repo/hono-openapi';
import type { operations } from '@repo/specs/onezone';
import { onezoneError } from '../../errors.ts';
import type { Principal } from '../../services/principal.ts';
import type { OperationDeps } from '../operation-handlers.ts';

/** `create_client_token`: 200 `{ token }`, a new token of the caller. */
export function createClientToken({ tokens }: OperationDeps): Handler<operations['create_client_token'], Principal> {
  return async (req) => {
    const principal = req.principal as Principal;
    const created = await tokens.create(principal.user.id);
    return created.ok ? { status: 200, body: { token: created.value } } : onezoneError('notFound');
  };
}
