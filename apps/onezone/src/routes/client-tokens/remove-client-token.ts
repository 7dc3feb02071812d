// spec: specs/onezone/paths/user-client-tokens-{tid}.yaml (delete)
import type { Handler } from '@repo/hono-openapi';
import type { operations } from '@repo/specs/onezone';
import { onezoneError } from '../../errors.ts';
import type { Principal } from '../../services/principal.ts';
import type { OperationDeps } from '../operation-handlers.ts';

/** `remove_client_token`: 204; 404 when the token is not one of the caller's. */
export function removeClientToken({ tokens }: OperationDeps): Handler<operations['remove_client_token'], Principal> {
  return async (req) => {
    const principal = req.principal as Principal;
    const removed = await tokens.remove(principal.user.id, req.params.tid);
    return removed.ok ? { status: 204 } : onezoneError('notFound');
  };
}
