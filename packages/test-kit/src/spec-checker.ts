/**
 * A response checker for any bundled OpenAPI 3.1 document: finds the operation a request hit
 * (server base path + path template + method) and lists how the response breaks the spec —
 * undeclared status, undeclared content type, a body off its schema, a missing required header,
 * a body where none is declared. Schemas are compiled once, by JSON pointer into the bundle, so
 * every `$ref` resolves exactly as in the spec.
 */
import Ajv2020 from 'ajv/dist/2020.js';
import type { ValidateFunction } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';

type Json = Record<string, unknown>;

/** What the checker needs to know of one response. */
export interface CheckedResponse {
  status: number;
  headers: Headers;
  /** The body as text; '' when there is none. */
  text: string;
}

/** The operation of the spec a request addresses. */
export interface MatchedOperation {
  /** The spec's path template, e.g. `/users/{userKey}`. */
  path: string;
  method: string;
  operation: Json;
}

const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];

/** Checks responses against one bundled spec. Create one per spec and reuse it: validators are cached. */
export class SpecChecker {
  readonly #spec: Json;
  readonly #id: string;
  readonly #ajv: Ajv2020;
  readonly #validators = new Map<string, ValidateFunction>();
  readonly #basePaths: string[];
  readonly #templates: { path: string; pattern: RegExp; literalLength: number }[];

  constructor(spec: Record<string, unknown>, name = 'spec') {
    this.#spec = spec;
    this.#id = `https://${name}.spec.invalid/openapi.json`;
    this.#ajv = new Ajv2020({ strict: false, allErrors: true });
    addFormats(this.#ajv);
    // OpenAPI's integer formats, which ajv-formats does not know.
    this.#ajv.addFormat('int32', { type: 'number', validate: (n: number) => Number.isInteger(n) && n >= -(2 ** 31) && n < 2 ** 31 });
    this.#ajv.addFormat('int64', { type: 'number', validate: (n: number) => Number.isInteger(n) && n >= -(2 ** 63) && n < 2 ** 63 });
    this.#ajv.addSchema(spec, this.#id);
    const servers = (spec['servers'] as { url: string }[] | undefined) ?? [{ url: '/' }];
    this.#basePaths = servers.map((server) => new URL(server.url, 'http://base.invalid').pathname.replace(/\/+$/, ''));
    this.#templates = Object.keys((spec['paths'] as Json | undefined) ?? {}).map((path) => ({
      path,
      pattern: new RegExp(`^${path.split(/\{[^}]+\}/).map(escapeRegExp).join('[^/]+')}$`),
      literalLength: path.replace(/\{[^}]+\}/g, '').length,
    }));
  }

  /** The operation `method url` addresses, or undefined when the spec has none. */
  match(method: string, url: string): MatchedOperation | undefined {
    const pathname = new URL(url).pathname;
    const lower = method.toLowerCase();
    for (const base of this.#basePaths) {
      if (base !== '' && pathname !== base && !pathname.startsWith(`${base}/`)) continue;
      const rest = pathname.slice(base.length) || '/';
      // A literal segment beats a template (`/users/search` before `/users/{userKey}`).
      const candidates = this.#templates.filter((t) => t.pattern.test(rest)).sort((a, b) => b.literalLength - a.literalLength);
      for (const { path } of candidates) {
        const operation = ((this.#spec['paths'] as Json)[path] as Json)[lower] as Json | undefined;
        if (operation !== undefined && METHODS.includes(lower)) return { path, method: lower, operation };
      }
    }
    return undefined;
  }

  /** The names of the headers the spec declares for this response (empty when it declares none, or the status). */
  declaredHeaders(method: string, url: string, status: number): string[] {
    const matched = this.match(method, url);
    const responses = (matched?.operation['responses'] as Json | undefined) ?? {};
    const key = [String(status), `${String(status)[0]}XX`, 'default'].find((k) => k in responses);
    if (matched === undefined || key === undefined) return [];
    const { value } = this.#resolve(responses[key], '');
    return Object.keys((value['headers'] as Json | undefined) ?? {});
  }

  /** Everything about the response that breaks the spec; empty when it conforms. */
  violations(method: string, url: string, response: CheckedResponse): string[] {
    const matched = this.match(method, url);
    if (matched === undefined) return [`no operation of the spec matches ${method.toUpperCase()} ${new URL(url).pathname}`];
    const responses = (matched.operation['responses'] as Json | undefined) ?? {};
    const key = [String(response.status), `${String(response.status)[0]}XX`, 'default'].find((k) => k in responses);
    if (key === undefined) return [`status ${response.status} is not declared`];
    const { value: declared, pointer: responsePointer } = this.#resolve(
      responses[key],
      pointer('paths', matched.path, matched.method, 'responses', key),
    );
    return [...this.#headerViolations(declared, responsePointer, response.headers), ...this.#bodyViolations(declared, responsePointer, response)];
  }

  /** How `value` breaks the spec's schema `components/schemas/<name>`; empty when it conforms. */
  componentViolations(name: string, value: unknown): string[] {
    const validate = this.#validator(pointer('components', 'schemas', name));
    return validate(value) ? [] : errorsOf(validate, name);
  }

  #headerViolations(declared: Json, at: string, headers: Headers): string[] {
    const found: string[] = [];
    for (const [name, raw] of Object.entries((declared['headers'] as Json | undefined) ?? {})) {
      const { value: header, pointer: headerPointer } = this.#resolve(raw, `${at}${pointer('headers', name)}`);
      const actual = headers.get(name);
      if (actual === null) {
        if (header['required'] === true) found.push(`required header ${name} is missing`);
        continue;
      }
      if (header['schema'] !== undefined) {
        const validate = this.#validator(`${headerPointer}${pointer('schema')}`);
        // A header is text on the wire (OpenAPI style `simple`): a number-typed schema, such as
        // Retry-After's integer, is checked against the number the text spells, if it spells one.
        const asNumber = /^-?\d+(\.\d+)?$/.test(actual) ? Number(actual) : undefined;
        if (!validate(actual) && (asNumber === undefined || !validate(asNumber))) found.push(...errorsOf(validate, `header ${name}`));
      }
    }
    return found;
  }

  #bodyViolations(declared: Json, at: string, response: CheckedResponse): string[] {
    const content = declared['content'] as Json | undefined;
    if (content === undefined || Object.keys(content).length === 0) {
      return response.text === '' ? [] : [`status ${response.status} declares no body, got ${JSON.stringify(response.text.slice(0, 80))}`];
    }
    const contentType = response.headers.get('content-type')?.split(';')[0]?.trim().toLowerCase();
    if (contentType === undefined || contentType === '') return ['the response has no Content-Type'];
    const mediaKey = [contentType, `${contentType.split('/')[0]}/*`, '*/*'].find((k) => k in content);
    if (mediaKey === undefined) return [`content type ${contentType} is not declared (declared: ${Object.keys(content).join(', ')})`];
    const media = content[mediaKey] as Json;
    if (media['schema'] === undefined || !/[/+]json$/.test(contentType)) return [];
    let body: unknown;
    try {
      body = JSON.parse(response.text);
    } catch {
      return [`the ${contentType} body is not JSON: ${JSON.stringify(response.text.slice(0, 80))}`];
    }
    const validate = this.#validator(`${at}${pointer('content', mediaKey, 'schema')}`);
    return validate(body) ? [] : errorsOf(validate, 'body');
  }

  /** Follows local `$ref`s; returns the object and the pointer it lives at. */
  #resolve(node: unknown, at: string): { value: Json; pointer: string } {
    let value = node as Json;
    let where = at;
    while (typeof value['$ref'] === 'string') {
      where = (value['$ref'] as string).replace(/^#/, '');
      value = where
        .split('/')
        .slice(1)
        .reduce<unknown>((obj, segment) => (obj as Json)[segment.replace(/~1/g, '/').replace(/~0/g, '~')], this.#spec) as Json;
    }
    return { value, pointer: where };
  }

  #validator(schemaPointer: string): ValidateFunction {
    let validate = this.#validators.get(schemaPointer);
    if (validate === undefined) {
      const fragment = schemaPointer.split('/').map(encodeURIComponent).join('/');
      validate = this.#ajv.compile({ $ref: `${this.#id}#${fragment}` });
      this.#validators.set(schemaPointer, validate);
    }
    return validate;
  }
}

/** A JSON pointer from raw segments (`/` → `~1`, `~` → `~0`). */
function pointer(...segments: string[]): string {
  return segments.map((s) => `/${s.replace(/~/g, '~0').replace(/\//g, '~1')}`).join('');
}

function errorsOf(validate: ValidateFunction, what: string): string[] {
  return (validate.errors ?? []).map((e) => `${what}${e.instancePath} ${e.message ?? e.keyword}`);
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
