import type { Handler, OperationAt } from '@repo/hono-openapi';
import type { paths } from '@repo/specs/camunda';
import type { Principal } from '../services/principal.ts';

/** The handler type of the operation at `method` `path` of the Camunda spec. */
export type CamundaHandler<P extends keyof paths, M extends 'post' | 'put' | 'delete'> = Handler<OperationAt<paths, P, M>, Principal>;
