import type { Handler, OperationAt } from '@repo/hono-openapi';
import type { paths } from '@repo/specs/camunda';
import type { Principal } from '../services/principal.ts';

/** The handler type of the operation at `method` `path` of the Camunda spec. */
export type CamundaHandler<P extends keyof paths, M extends 'post' | 'put' | 'delete'> = Handler<OperationAt<paths, P, M>, Principal>;

/**
 * The caller of an operation that requires credentials. The runtime answers 401 before a handler
 * runs, so a missing principal here is a wiring bug (a 500), never a client error.
 */
export function callerOf(req: { principal: Principal | undefined }): Principal {
  if (req.principal === undefined) throw new Error('operation served without an authenticated principal');
  return req.principal;
}
