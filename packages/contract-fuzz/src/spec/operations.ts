/**
 * The operation model the fuzzer works from, read from a bundled OpenAPI 3.1 document: every
 * parameter, body, security requirement, response and link resolved, each schema kept as a JSON
 * pointer into the document so Ajv compiles it where it is written.
 */
import { isObject, joinPointer, readPointer, resolveRef, type JsonObject } from './pointer.ts';

export const httpMethods = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'] as const;

export interface ParameterModel {
  readonly name: string;
  readonly in: 'path' | 'query' | 'header';
  readonly required: boolean;
  /** Pointer of the parameter's schema. */
  readonly schemaPointer: string;
  readonly schema: JsonObject;
}

export interface MediaModel {
  readonly mediaType: string;
  readonly schemaPointer?: string | undefined;
  readonly schema?: JsonObject | undefined;
}

export interface HeaderModel {
  readonly name: string;
  readonly required: boolean;
  readonly schemaPointer?: string | undefined;
}

export interface LinkModel {
  readonly name: string;
  /** Target operationId (from `operationId` or a local `operationRef`). */
  readonly operationId: string;
  readonly parameters: Readonly<Record<string, unknown>>;
  readonly requestBody?: unknown;
}

export interface ResponseModel {
  /** `'200'`, `'2XX'` or `'default'`. */
  readonly status: string;
  readonly headers: readonly HeaderModel[];
  readonly content: readonly MediaModel[];
  readonly links: readonly LinkModel[];
}

export type SecurityScheme =
  | { readonly kind: 'basic' }
  | { readonly kind: 'bearer' }
  | { readonly kind: 'apiKey'; readonly in: 'header' | 'query' | 'cookie'; readonly name: string }
  | { readonly kind: 'unsupported'; readonly type: string };

export interface OperationModel {
  readonly operationId: string;
  readonly method: string;
  /** Path template as written in the spec, e.g. `/users/{id}`. */
  readonly path: string;
  readonly pointer: string;
  readonly parameters: readonly ParameterModel[];
  readonly body?: { readonly required: boolean; readonly content: readonly MediaModel[] } | undefined;
  /** Alternatives (OR) of requirements (AND of schemes); empty = no security; an empty requirement = optional. */
  readonly security: ReadonlyArray<ReadonlyArray<{ readonly name: string; readonly scheme: SecurityScheme }>>;
  readonly responses: readonly ResponseModel[];
}

export interface SpecModel {
  readonly document: JsonObject;
  readonly operations: readonly OperationModel[];
  /** Path template → methods declared on it (lower case). */
  readonly paths: ReadonlyMap<string, readonly string[]>;
}

/** Reads every operation of a bundled OpenAPI 3.1 document. */
export function readSpecModel(document: JsonObject): SpecModel {
  const paths = isObject(document['paths']) ? document['paths'] : {};
  const components = isObject(document['components']) ? document['components'] : {};
  const schemes = isObject(components['securitySchemes']) ? components['securitySchemes'] : {};
  const globalSecurity = Array.isArray(document['security']) ? document['security'] : [];
  const operations: OperationModel[] = [];
  const methodsByPath = new Map<string, string[]>();
  for (const [path, rawItem] of Object.entries(paths)) {
    const item = resolveRef(document, rawItem, joinPointer('#/paths', path));
    const methods: string[] = [];
    const shared = Array.isArray(item.value['parameters']) ? item.value['parameters'] : [];
    for (const method of httpMethods) {
      const raw = item.value[method];
      if (!isObject(raw)) continue;
      methods.push(method);
      const pointer = joinPointer(item.pointer, method);
      const operationId = typeof raw['operationId'] === 'string' ? raw['operationId'] : `${method.toUpperCase()} ${path}`;
      const own = Array.isArray(raw['parameters']) ? raw['parameters'] : [];
      const parameters = mergeParameters(
        document,
        shared.map((p, i) => [p, joinPointer(item.pointer, 'parameters', i)] as const),
        own.map((p, i) => [p, joinPointer(pointer, 'parameters', i)] as const),
      );
      const security = (Array.isArray(raw['security']) ? raw['security'] : globalSecurity).map((requirement) =>
        Object.keys(isObject(requirement) ? requirement : {}).map((name) => ({
          name,
          scheme: readScheme(resolveSchemeObject(document, schemes[name], name)),
        })),
      );
      operations.push({
        operationId,
        method,
        path,
        pointer,
        parameters,
        body: readBody(document, raw['requestBody'], joinPointer(pointer, 'requestBody')),
        security,
        responses: readResponses(document, raw['responses'], joinPointer(pointer, 'responses')),
      });
    }
    methodsByPath.set(path, methods);
  }
  return { document, operations, paths: methodsByPath };
}

function resolveSchemeObject(document: JsonObject, raw: unknown, name: string): JsonObject {
  if (raw === undefined) throw new Error(`security scheme ${name} is not declared`);
  return resolveRef(document, raw, joinPointer('#/components/securitySchemes', name)).value;
}

function readScheme(scheme: JsonObject): SecurityScheme {
  const type = String(scheme['type']);
  if (type === 'http') {
    const kind = String(scheme['scheme']).toLowerCase();
    if (kind === 'basic') return { kind: 'basic' };
    if (kind === 'bearer') return { kind: 'bearer' };
    return { kind: 'unsupported', type: `http ${kind}` };
  }
  if (type === 'apiKey') {
    const where = scheme['in'];
    if (where === 'header' || where === 'query' || where === 'cookie') return { kind: 'apiKey', in: where, name: String(scheme['name']) };
  }
  return { kind: 'unsupported', type };
}

function mergeParameters(
  document: JsonObject,
  shared: ReadonlyArray<readonly [unknown, string]>,
  own: ReadonlyArray<readonly [unknown, string]>,
): ParameterModel[] {
  const byKey = new Map<string, ParameterModel>();
  for (const [raw, pointer] of [...shared, ...own]) {
    const { value, pointer: at } = resolveRef(document, raw, pointer);
    const location = value['in'];
    if (location !== 'path' && location !== 'query' && location !== 'header') continue; // cookies: not generated
    const name = String(value['name']);
    const schemaPointer = joinPointer(at, 'schema');
    const schema = isObject(value['schema']) ? value['schema'] : {};
    byKey.set(`${location}:${name}`, {
      name,
      in: location,
      required: location === 'path' || value['required'] === true,
      schemaPointer,
      schema,
    });
  }
  return [...byKey.values()];
}

function readContent(document: JsonObject, raw: unknown, pointer: string): MediaModel[] {
  if (!isObject(raw)) return [];
  return Object.entries(raw).map(([mediaType, media]) => {
    const schema = isObject(media) && isObject(media['schema']) ? media['schema'] : undefined;
    return {
      mediaType,
      schema,
      schemaPointer: schema === undefined ? undefined : joinPointer(pointer, mediaType, 'schema'),
    };
  });
}

function readBody(document: JsonObject, raw: unknown, pointer: string): OperationModel['body'] {
  if (raw === undefined) return undefined;
  const body = resolveRef(document, raw, pointer);
  return { required: body.value['required'] === true, content: readContent(document, body.value['content'], joinPointer(body.pointer, 'content')) };
}

function readResponses(document: JsonObject, raw: unknown, pointer: string): ResponseModel[] {
  if (!isObject(raw)) return [];
  return Object.entries(raw).map(([status, rawResponse]) => {
    const response = resolveRef(document, rawResponse, joinPointer(pointer, status));
    const headers = isObject(response.value['headers']) ? response.value['headers'] : {};
    const links = isObject(response.value['links']) ? response.value['links'] : {};
    return {
      status,
      headers: Object.entries(headers).map(([name, rawHeader]) => {
        const header = resolveRef(document, rawHeader, joinPointer(response.pointer, 'headers', name));
        return {
          name,
          required: header.value['required'] === true,
          schemaPointer: isObject(header.value['schema']) ? joinPointer(header.pointer, 'schema') : undefined,
        };
      }),
      content: readContent(document, response.value['content'], joinPointer(response.pointer, 'content')),
      links: Object.entries(links).map(([name, rawLink]) => readLink(document, name, rawLink, joinPointer(response.pointer, 'links', name))),
    };
  });
}

function readLink(document: JsonObject, name: string, raw: unknown, pointer: string): LinkModel {
  const link = resolveRef(document, raw, pointer).value;
  let operationId = typeof link['operationId'] === 'string' ? link['operationId'] : undefined;
  if (operationId === undefined && typeof link['operationRef'] === 'string') {
    const target = readPointer(document, link['operationRef']);
    if (isObject(target) && typeof target['operationId'] === 'string') operationId = target['operationId'];
  }
  if (operationId === undefined) throw new Error(`link ${name} at ${pointer} names no operation`);
  return {
    name,
    operationId,
    parameters: isObject(link['parameters']) ? link['parameters'] : {},
    requestBody: link['requestBody'],
  };
}

/** The declared response for a status: exact code, then `4XX`-style range, then `default`. */
export function responseFor(operation: OperationModel, status: number): ResponseModel | undefined {
  const exact = operation.responses.find((r) => r.status === String(status));
  if (exact) return exact;
  const range = operation.responses.find((r) => r.status.toUpperCase() === `${String(status)[0]}XX`);
  return range ?? operation.responses.find((r) => r.status === 'default');
}

/** Whether the operation requires credentials (no requirement is the empty one). */
export function isSecured(operation: OperationModel): boolean {
  return operation.security.length > 0 && operation.security.every((requirement) => requirement.length > 0);
}

/** The JSON media type of a body or response, if any (`application/json`, `…+json`). */
export function jsonMedia(content: readonly MediaModel[]): MediaModel | undefined {
  return content.find((m) => isJsonMediaType(m.mediaType));
}

export function isJsonMediaType(mediaType: string): boolean {
  const base = mediaType.split(';')[0]!.trim().toLowerCase();
  return base === 'application/json' || base.endsWith('+json') || base === '*/*' || base === 'application/*';
}
