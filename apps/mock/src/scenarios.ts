/**
 * The mock scenarios of a bundled spec: one per named response example (and one per response
 * that has no body), each with the `Prefer` header that makes Prism serve it. Derived from the
 * bundle, so the scenario test and the README table follow the spec by themselves.
 */
import { deref } from '@repo/specs/deref';
import type { SpecDocument } from './mount-bundle.ts';

/** One response the mock can be asked for. */
export interface Scenario {
  status: number;
  /** The example's name; undefined for a response without a body example (204, Onezone's 201). */
  example: string | undefined;
  /** The example's summary, else the response's description. */
  summary: string;
  /** The media type of the example body. */
  mediaType: string | undefined;
  /** The example body, as the mock sends it. */
  body: unknown;
  /** Response headers that have an example, with that example (`Location`, `WWW-Authenticate`). */
  headers: Record<string, string>;
  /** The `Prefer` header value that selects this scenario, e.g. `code=409, example=duplicateUsername`. */
  prefer: string;
  /** Whether Prism serves it without `Prefer`: the first example of the lowest 2xx response. */
  isDefault: boolean;
}

/** One operation, a valid request for it, and its scenarios. */
export interface OperationScenarios {
  operationId: string;
  /** Upper case, e.g. `POST`. */
  method: string;
  /** The spec's path key, e.g. `/users/{userKey}` (without the server base path). */
  path: string;
  /** A valid request built from the spec's examples: the path with parameters filled in, and a body. */
  request: { path: string; body: unknown; mediaType: string | undefined };
  /** Every named example of the request body, by name (the stateful mock's seed reads passwords here). */
  requestExamples: Record<string, unknown>;
  scenarios: Scenario[];
}

const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];
type Json = Record<string, unknown>;

/** Every operation of `spec`, in document order, with its scenarios in status order. */
export function operationScenarios(spec: SpecDocument): OperationScenarios[] {
  const operations: OperationScenarios[] = [];
  for (const [path, rawItem] of Object.entries(spec.paths ?? {})) {
    const item = deref(spec, rawItem);
    for (const method of Object.keys(item).filter((key) => METHODS.includes(key))) {
      const operation = deref(spec, item[method]);
      const parameters = [...asArray(item.parameters), ...asArray(operation.parameters)].map((p) => deref(spec, p));
      operations.push({
        operationId: String(operation.operationId ?? `${method} ${path}`),
        method: method.toUpperCase(),
        path,
        request: sampleRequest(spec, path, parameters, operation.requestBody),
        requestExamples: namedRequestExamples(spec, operation.requestBody),
        scenarios: responseScenarios(spec, deref(spec, operation.responses)),
      });
    }
  }
  return operations;
}

function responseScenarios(spec: SpecDocument, responses: Json): Scenario[] {
  const statuses = Object.keys(responses)
    .filter((key) => /^\d{3}$/.test(key))
    .sort();
  const defaultStatus = statuses.find((status) => status.startsWith('2'));
  const scenarios: Scenario[] = [];
  for (const status of statuses) {
    const response = deref(spec, responses[status]);
    const headers = headerExamples(spec, deref(spec, response.headers));
    const described = String(response.description ?? '').trim();
    const named = Object.entries(deref(spec, response.content)).flatMap(([mediaType, media]) =>
      Object.entries(deref(spec, deref(spec, media).examples)).map(([name, example]) => ({ mediaType, name, example: deref(spec, example) })),
    );
    if (named.length === 0) {
      scenarios.push({
        status: Number(status),
        example: undefined,
        summary: described,
        mediaType: undefined,
        body: undefined,
        headers,
        prefer: `code=${status}`,
        isDefault: status === defaultStatus,
      });
    }
    named.forEach(({ mediaType, name, example }, index) => {
      scenarios.push({
        status: Number(status),
        example: name,
        summary: String(example.summary ?? described),
        mediaType,
        body: example.value,
        headers,
        prefer: `code=${status}, example=${name}`,
        isDefault: status === defaultStatus && index === 0,
      });
    });
  }
  return scenarios;
}

/** The example of each response header that has one. */
function headerExamples(spec: SpecDocument, headers: Json): Record<string, string> {
  const result: Record<string, string> = {};
  for (const [name, raw] of Object.entries(headers)) {
    const header = deref(spec, raw);
    const firstNamed = Object.values(deref(spec, header.examples))[0];
    const value = header.example ?? (firstNamed === undefined ? undefined : deref(spec, firstNamed).value);
    if (value !== undefined) result[name] = String(value);
  }
  return result;
}

function sampleRequest(spec: SpecDocument, path: string, parameters: Json[], rawBody: unknown): OperationScenarios['request'] {
  const filled = path.replace(/\{([^}]+)\}/g, (_, name: string) => {
    const parameter = parameters.find((p) => p.in === 'path' && p.name === name);
    return encodeURIComponent(String(parameter ? parameterExample(spec, parameter) : '1'));
  });
  const requestBody = rawBody === undefined ? undefined : deref(spec, rawBody);
  const [mediaType, media] = Object.entries(deref(spec, requestBody?.content))[0] ?? [];
  if (!mediaType || !media) return { path: filled, body: undefined, mediaType: undefined };
  const content = deref(spec, media);
  const firstNamed = Object.values(deref(spec, content.examples))[0];
  const body = content.example ?? (firstNamed === undefined ? undefined : deref(spec, firstNamed).value);
  return { path: filled, body, mediaType };
}

function namedRequestExamples(spec: SpecDocument, rawBody: unknown): Record<string, unknown> {
  const result: Record<string, unknown> = {};
  for (const media of Object.values(deref(spec, deref(spec, rawBody).content))) {
    for (const [name, example] of Object.entries(deref(spec, deref(spec, media).examples))) result[name] = deref(spec, example).value;
  }
  return result;
}

function parameterExample(spec: SpecDocument, parameter: Json): unknown {
  if (parameter.example !== undefined) return parameter.example;
  const firstNamed = Object.values(deref(spec, parameter.examples))[0];
  if (firstNamed !== undefined) return deref(spec, firstNamed).value;
  const schema = deref(spec, parameter.schema);
  return schema.example ?? asArray(schema.examples)[0] ?? '1';
}


function asArray(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}
