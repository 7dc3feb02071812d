/**
 * From generated values to the bytes of a request: path template filled (percent-encoded, or raw
 * when a transport mutation says so), query and header parameters serialised in OpenAPI's default
 * styles (form/explode for query, simple for path and header), JSON body, credentials.
 */
import type { OperationModel, SecurityScheme } from '../spec/operations.ts';
import type { FuzzCredentials, RawRequest } from '../types.ts';

/** Values of one request, before serialisation. */
export interface RequestValues {
  readonly path: Readonly<Record<string, unknown>>;
  readonly query: Readonly<Record<string, unknown>>;
  readonly header: Readonly<Record<string, unknown>>;
  /** `undefined`: no body. */
  readonly body?: unknown;
}

export interface BuildOptions {
  /** Path parameter → text put into the path as is (not encoded). */
  readonly rawPath?: Readonly<Record<string, string>>;
  /** Query string appended as is (`a=%00`). */
  readonly rawQuery?: string;
  /** Body bytes instead of the JSON of `values.body`. */
  readonly rawBody?: Uint8Array;
  /** Content-Type to send; `null` sends none. Default: the operation's JSON media type. */
  readonly contentType?: string | null;
  /** Header lines replacing the credentials (`[]` for none). */
  readonly authHeaders?: ReadonlyArray<readonly [string, string]>;
  /** A Host header to send instead of the URL's authority. */
  readonly host?: string;
  readonly method?: string;
}

/** Text of a scalar or array parameter value in the simple style (`a,b`). */
export function parameterText(value: unknown): string {
  if (Array.isArray(value)) return value.map(parameterText).join(',');
  if (value !== null && typeof value === 'object') return Object.entries(value).flat().map(parameterText).join(',');
  return String(value);
}

/** Builds the raw request. */
export function buildRequest(
  baseUrl: string,
  operation: OperationModel,
  values: RequestValues,
  credentials: FuzzCredentials | undefined,
  options: BuildOptions = {},
): RawRequest {
  const path = operation.path.replace(/\{([^}]+)\}/g, (_m, name: string) => {
    const raw = options.rawPath?.[name];
    return raw ?? encodeURIComponent(parameterText(values.path[name]));
  });
  const query: string[] = [];
  for (const [name, value] of Object.entries(values.query)) {
    if (value === undefined) continue;
    for (const item of Array.isArray(value) ? value : [value]) query.push(`${encodeURIComponent(name)}=${encodeURIComponent(parameterText(item))}`);
  }
  if (options.rawQuery !== undefined) query.push(options.rawQuery);
  const url = `${baseUrl.replace(/\/+$/, '')}${path}${query.length > 0 ? `?${query.join('&')}` : ''}`;
  const headers: Array<readonly [string, string]> = [];
  if (options.host !== undefined) headers.push(['host', options.host]);
  for (const [name, value] of Object.entries(values.header)) {
    if (value !== undefined) headers.push([name, parameterText(value)]);
  }
  headers.push(...(options.authHeaders ?? credentialHeaders(operation, credentials)));
  let body: Uint8Array | undefined = options.rawBody;
  if (body === undefined && values.body !== undefined) body = new TextEncoder().encode(JSON.stringify(values.body));
  if (body !== undefined) {
    const declared = operation.body?.content[0]?.mediaType ?? 'application/json';
    const contentType = options.contentType === undefined ? declared : options.contentType;
    if (contentType !== null) headers.push(['content-type', contentType]);
  }
  return { method: (options.method ?? operation.method).toUpperCase(), url, headers, body };
}

/**
 * Headers that authenticate the caller for the operation's first security requirement. Only
 * username/password credentials exist: basic sends them, bearer and API keys send the password.
 */
export function credentialHeaders(operation: OperationModel, credentials: FuzzCredentials | undefined): Array<[string, string]> {
  if (credentials === undefined) return [];
  const requirement = operation.security.find((r) => r.length > 0);
  if (requirement === undefined) return [];
  return requirement.flatMap(({ scheme }) => schemeHeaders(scheme, credentials));
}

function schemeHeaders(scheme: SecurityScheme, credentials: FuzzCredentials): Array<[string, string]> {
  switch (scheme.kind) {
    case 'basic':
      return [['authorization', basic(credentials.username, credentials.password)]];
    case 'bearer':
      return [['authorization', `Bearer ${credentials.password}`]];
    case 'apiKey':
      return scheme.in === 'header' ? [[scheme.name, credentials.password]] : [];
    default:
      return [];
  }
}

export function basic(username: string, password: string): string {
  return `Basic ${Buffer.from(`${username}:${password}`, 'utf8').toString('base64')}`;
}
