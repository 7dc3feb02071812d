import type { Handler, HandlerResponse, OperationInfo } from '@repo/hono-openapi';
import { onezoneError } from '../errors.ts';
import { missingPrivileges, type Principal } from '../services/principal.ts';

/** The vendor extension on each spec operation that names the privileges it needs. */
export const PRIVILEGES_EXTENSION = 'x-privileges';

/**
 * The privileges an operation needs, read from its `x-privileges` in the spec (none when absent).
 * Throws at start-up on a malformed value, so a typo in the spec cannot silently open an operation.
 */
export function requiredPrivileges(operation: OperationInfo): readonly string[] {
  const value = operation.extensions[PRIVILEGES_EXTENSION];
  if (value === undefined) return [];
  if (!Array.isArray(value) || !value.every((p): p is string => typeof p === 'string')) {
    throw new Error(`spec: ${operation.operationId ?? operation.path}: ${PRIVILEGES_EXTENSION} must be a list of strings`);
  }
  return value;
}

/**
 * Wraps a handler so that it runs only for a caller holding every privilege its operation declares
 * in `x-privileges`; anyone else gets 403 `forbidden`. The one place where privileges are checked:
 * every route is registered through it (see register-routes.ts).
 */
export function requirePrivileges<Op>(handler: Handler<Op, Principal>): Handler<Op, Principal> {
  return (req, c) => {
    const principal = req.principal;
    // Every operation of the spec requires basic auth, so the runtime never calls a handler without one.
    if (principal === undefined) throw new Error(`${req.operation.operationId ?? req.operation.path}: no authenticated principal`);
    if (missingPrivileges(principal, requiredPrivileges(req.operation)).length > 0) {
      // Every operation declares 403; the generic Op cannot show it to the compiler.
      return onezoneError('forbidden') as HandlerResponse<Op>;
    }
    return handler(req, c);
  };
}
