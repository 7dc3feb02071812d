/**
 * The named response examples of a bundled spec, read at run time: every example of every
 * response of every operation, with the headers the spec gives examples for. Adding an example to
 * the spec adds a handler, with no code change and no generated file to keep in step.
 */
import { deref } from '@repo/specs/deref';

/** One answer an operation can give, as the spec's example describes it. */
export interface ResponseExample {
  /** The operation's `operationId`, e.g. `createUser`. */
  operationId: string;
  /** Lower case, e.g. `post`. */
  method: string;
  /** The spec's path key, without the server's base path, e.g. `/users/{userKey}`. */
  path: string;
  status: number;
  /**
   * The example's name, e.g. `duplicateUsername`. A response without a body example (Camunda's
   * 204, Onezone's 201) is named after its first header example (`rudolfLingens` for Onezone's
   * `Location`), else `undefined`.
   */
  name: string | undefined;
  /** The example's summary, else the response's description. */
  summary: string;
  /** The media type of the body, e.g. `application/problem+json`; undefined without a body. */
  mediaType: string | undefined;
  /** The example's value; undefined without a body. */
  body: unknown;
  /** Response headers with an example in the spec (`Location`, `WWW-Authenticate`, `Retry-After` …). */
  headers: Record<string, string>;
  /** The `Prefer` value that selects this example on the Prism mock, e.g. `code=409, example=duplicateUsername`. */
  prefer: string;
  /** Whether this is the operation's default: the first example of its lowest 2xx response. */
  isDefault: boolean;
}

type Json = Record<string, unknown>;
const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];

/** Every response example of `spec`, operations in document order, statuses ascending. */
export function responseExamples(spec: Json): ResponseExample[] {
  const examples: ResponseExample[] = [];
  for (const [path, rawItem] of Object.entries(deref(spec, spec.paths))) {
    const item = deref(spec, rawItem);
    for (const method of Object.keys(item).filter((key) => METHODS.includes(key))) {
      const operation = deref(spec, item[method]);
      const operationId = String(operation.operationId ?? `${method} ${path}`);
      examples.push(...operationExamples(spec, { operationId, method, path }, deref(spec, operation.responses)));
    }
  }
  return examples;
}

function operationExamples(
  spec: Json,
  operation: Pick<ResponseExample, 'operationId' | 'method' | 'path'>,
  responses: Json,
): ResponseExample[] {
  // `default` and `4XX` cannot be asked for by status, on Prism or here.
  const statuses = Object.keys(responses)
    .filter((key) => /^\d{3}$/.test(key))
    .sort();
  const defaultStatus = statuses.find((status) => status.startsWith('2'));
  return statuses.flatMap((code): ResponseExample[] => {
    const response = deref(spec, responses[code]);
    const status = Number(code);
    const description = String(response.description ?? '').trim();
    const headers = headerExamples(spec, deref(spec, response.headers));
    const named = Object.entries(deref(spec, response.content)).flatMap(([mediaType, media]) =>
      Object.entries(deref(spec, deref(spec, media).examples)).map(([name, example]) => ({ mediaType, name, example: deref(spec, example) })),
    );
    if (named.length === 0) {
      const [headerExample] = namedHeaderExamples(spec, deref(spec, response.headers));
      return [
        {
          ...operation,
          status,
          name: headerExample?.[0],
          summary: typeof headerExample?.[1].summary === 'string' ? headerExample[1].summary : description,
          mediaType: undefined,
          body: undefined,
          headers,
          prefer: `code=${status}`,
          isDefault: code === defaultStatus,
        },
      ];
    }
    return named.map(({ mediaType, name, example }, index) => ({
      ...operation,
      status,
      name,
      summary: typeof example.summary === 'string' ? example.summary : description,
      mediaType,
      body: example.value,
      headers,
      prefer: `code=${status}, example=${name}`,
      isDefault: code === defaultStatus && index === 0,
    }));
  });
}

/** The example of each response header that has one: `example`, else its first named example. */
function headerExamples(spec: Json, headers: Json): Record<string, string> {
  const result: Record<string, string> = {};
  for (const [name, raw] of Object.entries(headers)) {
    const header = deref(spec, raw);
    const [first] = Object.values(deref(spec, header.examples));
    const value = header.example ?? (first === undefined ? undefined : deref(spec, first).value);
    if (value !== undefined) result[name] = String(value);
  }
  return result;
}

function namedHeaderExamples(spec: Json, headers: Json): Array<[string, Json]> {
  return Object.values(headers).flatMap((header) =>
    Object.entries(deref(spec, deref(spec, header).examples)).map(([name, example]): [string, Json] => [name, deref(spec, example)]),
  );
}
