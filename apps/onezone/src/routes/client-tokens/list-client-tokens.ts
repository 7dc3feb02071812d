// spec: specs/onezone/paths/user-client-tokens.yaml (get)
import type { Handler } from '@repo/hono-openapi';
import type { operations } from '@repo/specs/onezone';
import type { Principal } from '../../services/principal.ts';
import type { OperationDeps } from '../operation-handlers.ts';

/** `list_client_tokens`: 200 `{ tokens }`, the caller's tokens themselves, oldest first. */
export function listClientTokens({ tokens }: OperationDeps): Handler<operations['list_client_tokens'], Principal> {
  return async (req) => {
    const principal = req.principal as Principal;
    return { status: 200, body: { tokens: await tokens.list(principal.user.id) } };
  };
}
