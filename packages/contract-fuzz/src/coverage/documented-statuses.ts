/**
 * The (operation, status) pairs a bundled spec documents: what coverage is measured against.
 */

/** One operation of the spec and the statuses it declares. */
export interface DocumentedOperation {
  readonly operationId: string;
  /** Upper case, e.g. `POST`. */
  readonly method: string;
  /** The spec's path key, e.g. `/users/{userKey}`. */
  readonly path: string;
  /** The explicit status codes of `responses`, ascending (`default` and `4XX` ranges are not pairs). */
  readonly statuses: readonly number[];
}

const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];
type Json = Record<string, unknown>;

/** Every operation of `spec` in document order, with its documented statuses. */
export function documentedStatuses(spec: Record<string, unknown>): DocumentedOperation[] {
  const operations: DocumentedOperation[] = [];
  for (const [path, item] of Object.entries(asObject(spec['paths']))) {
    for (const [method, raw] of Object.entries(asObject(item))) {
      if (!METHODS.includes(method)) continue;
      const operation = asObject(raw);
      const responses = asObject(resolve(spec, operation['responses']));
      operations.push({
        operationId: String(operation['operationId'] ?? `${method.toUpperCase()} ${path}`),
        method: method.toUpperCase(),
        path,
        statuses: Object.keys(responses)
          .filter((key) => /^\d{3}$/.test(key))
          .map(Number)
          .sort((a, b) => a - b),
      });
    }
  }
  return operations;
}

function resolve(spec: Record<string, unknown>, node: unknown): unknown {
  let current = node;
  for (let hops = 0; hops < 20 && typeof asObject(current)['$ref'] === 'string'; hops++) {
    const ref = asObject(current)['$ref'] as string;
    current = ref
      .replace(/^#\//, '')
      .split('/')
      .reduce<unknown>((at, segment) => asObject(at)[segment.replace(/~1/g, '/').replace(/~0/g, '~')], spec);
  }
  return current;
}

function asObject(value: unknown): Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Json) : {};
}
