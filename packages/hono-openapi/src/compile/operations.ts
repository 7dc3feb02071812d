/**
 * Walks the bundled spec into a flat list of operations with their effective parameters (path-item
 * level merged with operation level, references resolved) and effective security.
 */
import { deref, pointerOf, type Located } from './json-pointer.ts';
import {
  httpMethods,
  type HttpMethod,
  type OpenApiDocument,
  type OperationObject,
  type ParameterObject,
  type SecurityRequirementObject,
} from '../types/openapi-document.ts';

/** One operation of the spec, located so that validators can be compiled by pointer. */
export interface SpecOperation {
  readonly method: HttpMethod;
  /** The spec's path template, e.g. `/users/{userKey}`. */
  readonly path: string;
  /** Pointer to the operation object, e.g. `/paths/~1users/post`. */
  readonly pointer: string;
  readonly operation: OperationObject;
  /** Effective parameters; an operation-level one overrides a path-level one of the same name and location. */
  readonly parameters: readonly Located<ParameterObject>[];
  /** Effective requirements (operation's, else the document's); `[]` means no authentication. */
  readonly security: readonly SecurityRequirementObject[];
}

function located(spec: OpenApiDocument, list: unknown, basePointer: string): Located<ParameterObject>[] {
  if (!Array.isArray(list)) return [];
  return list.map((value: unknown, index) => deref<ParameterObject>(spec, { value, pointer: `${basePointer}/${index}` }));
}

/** Lists every operation of the spec in document order. */
export function listOperations(spec: OpenApiDocument): SpecOperation[] {
  const operations: SpecOperation[] = [];
  for (const [path, rawItem] of Object.entries(spec.paths ?? {})) {
    const itemPointer = pointerOf('paths', path);
    const item = deref<Readonly<Record<string, unknown>>>(spec, { value: rawItem, pointer: itemPointer });
    const shared = located(spec, item.value['parameters'], `${item.pointer}/parameters`);
    for (const method of httpMethods) {
      const operation = item.value[method] as OperationObject | undefined;
      if (operation === undefined) continue;
      const pointer = `${item.pointer}/${method}`;
      const own = located(spec, operation.parameters, `${pointer}/parameters`);
      // Header names are case-insensitive, so a path-level `X-Tenant` is overridden by `x-tenant`.
      const key = (p: Located<ParameterObject>) =>
        `${p.value.in}:${p.value.in === 'header' ? p.value.name.toLowerCase() : p.value.name}`;
      const ownKeys = new Set(own.map(key));
      operations.push({
        method,
        path,
        pointer,
        operation,
        parameters: [...shared.filter((p) => !ownKeys.has(key(p))), ...own],
        security: operation.security ?? spec.security ?? [],
      });
    }
  }
  return operations;
}
