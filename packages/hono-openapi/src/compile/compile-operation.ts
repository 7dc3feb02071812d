/**
 * Everything the runtime needs to serve one operation, compiled once at start-up.
 */
import type { Ajv2020 } from './ajv.ts';
import { compileParameterGroup, type CompiledParameterGroup } from './parameters.ts';
import { compileRequestBody, type CompiledRequestBody } from './request-body.ts';
import { compileResponses, type CompiledResponses } from './responses.ts';
import type { SpecOperation } from './operations.ts';
import { requiredOf } from '../authorization.ts';
import { compileSecurity, type CompiledScheme, type CompiledSecurity, type SecurityVerifiers } from '../security.ts';
import type { OperationInfo } from '../types/handler-types.ts';
import type { OpenApiDocument } from '../types/openapi-document.ts';

/** One operation, ready to serve. `handler` is filled in by `api.handle()`. */
export interface CompiledOperation {
  readonly info: OperationInfo;
  readonly security: CompiledSecurity | undefined;
  /** What the authorization extension lists; undefined: authentication is enough. */
  readonly required: readonly string[] | undefined;
  readonly path: CompiledParameterGroup | undefined;
  readonly query: CompiledParameterGroup | undefined;
  readonly header: CompiledParameterGroup | undefined;
  readonly body: CompiledRequestBody | undefined;
  readonly responses: CompiledResponses;
  handler: ((req: unknown, c: never) => unknown) | undefined;
}

export interface CompileContext<P> {
  readonly spec: OpenApiDocument;
  readonly requestAjv: Ajv2020;
  /** Undefined when response validation is off: response schemas are then not compiled at all. */
  readonly responseAjv: Ajv2020 | undefined;
  readonly verifiers: SecurityVerifiers<P>;
  readonly realm: string;
  /** Each scheme is compiled once and shared by the operations using it. */
  readonly schemeCache: Map<string, CompiledScheme>;
  /** The vendor extension `authorization` reads (`x-privileges`); undefined: no authorization step. */
  readonly authorizationExtension: string | undefined;
}

function extensionsOf(operation: Readonly<Record<string, unknown>>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(operation).filter(([key]) => key.startsWith('x-')));
}

/** Compiles one operation; throws with the operation named when the spec uses something unsupported. */
export function compileOperation<P>(
  ctx: CompileContext<P>,
  op: SpecOperation,
  pathAliases: ReadonlyMap<string, string>,
): CompiledOperation {
  try {
    const { spec, requestAjv } = ctx;
    const operation = op.operation as Readonly<Record<string, unknown>>;
    const info: OperationInfo = Object.freeze({
      method: op.method,
      path: op.path,
      operationId: op.operation.operationId,
      extensions: Object.freeze(extensionsOf(operation)),
      operation,
    });
    const security = compileSecurity(spec, op.security, ctx.verifiers, ctx.realm, ctx.schemeCache);
    return {
      info,
      security,
      required: ctx.authorizationExtension === undefined ? undefined : requiredOf(ctx.authorizationExtension, info, security),
      path: compileParameterGroup(requestAjv, spec, 'path', op.parameters, pathAliases),
      query: compileParameterGroup(requestAjv, spec, 'query', op.parameters, pathAliases),
      header: compileParameterGroup(requestAjv, spec, 'header', op.parameters, pathAliases),
      body: compileRequestBody(requestAjv, spec, op.operation.requestBody, op.pointer),
      responses: compileResponses(spec, op.operation.responses, op.pointer, ctx.responseAjv),
      handler: undefined,
    };
  } catch (error) {
    const name = op.operation.operationId ?? `${op.method.toUpperCase()} ${op.path}`;
    throw new Error(`createOpenApiApp: cannot compile ${name}: ${(error as Error).message}`, { cause: error });
  }
}
