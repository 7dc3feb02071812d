import type { Handler, OpenApiApp } from '@repo/hono-openapi';

/**
 * One handler per operation of the spec, keyed by operationId (`Operations` is openapi-typescript's
 * `operations`). A missing operation, a handler for an unknown one, or a handler whose answers
 * the operation does not declare is a compile error.
 */
export type OperationHandlers<Operations, Principal> = { [Id in keyof Operations]: Handler<Operations[Id], Principal> };

/** Registers each handler on the route of its operationId. */
export function registerOperations<Paths, Operations, Principal>(
  api: OpenApiApp<Paths, Principal>,
  handlers: OperationHandlers<Operations, Principal>,
): void {
  const byId = new Map(api.operations.map((operation) => [operation.operationId, operation]));
  for (const [operationId, handler] of Object.entries(handlers)) {
    const operation = byId.get(operationId);
    if (operation === undefined) throw new Error(`no operation ${operationId} in the spec`);
    // The mapped type ties each handler to its operation's types; the route is looked up by its id.
    (api.handle as (method: string, path: string, handler: unknown) => unknown)(operation.method, operation.path, handler as Handler<unknown, Principal>);
  }
  const missing = api.unimplemented();
  if (missing.length > 0) throw new Error(`operations without a handler: ${missing.map((m) => m.operationId ?? `${m.method} ${m.path}`).join(', ')}`);
}
