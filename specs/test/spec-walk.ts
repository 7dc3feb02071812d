import { deref } from './spec-ajv.ts';

type Json = Record<string, unknown>;

/** A place in a spec where examples sit beside the schema they must satisfy. */
export interface ExampleSite {
  where: string;
  /** JSON pointer (inside the bundled spec) of the schema, or undefined where none is declared. */
  schemaPointer: string | undefined;
  examples: Record<string, unknown>;
  hasSchema: boolean;
}

const methods = ['get', 'put', 'post', 'delete', 'patch', 'head', 'options', 'trace'];
const escape = (s: string) => s.replace(/~/g, '~0').replace(/\//g, '~1');

function namedExamples(spec: Json, holder: Json): Record<string, unknown> {
  const examples = (holder.examples ?? {}) as Record<string, unknown>;
  return Object.fromEntries(
    Object.entries(examples).map(([name, example]) => [name, (deref(spec, example) as Json).value]),
  );
}

function mediaSites(spec: Json, content: unknown, pointer: string, where: string): ExampleSite[] {
  return Object.entries((content ?? {}) as Record<string, Json>).map(([mediaType, media]) => ({
    where: `${where} ${mediaType}`,
    schemaPointer: media.schema ? `${pointer}/${escape(mediaType)}/schema` : undefined,
    hasSchema: Boolean(media.schema),
    examples: namedExamples(spec, media),
  }));
}

/** Every request body, response body, response header and parameter of every operation. */
export function exampleSites(spec: Json): { operation: string; sites: ExampleSite[]; kind: 'request' | 'response' | 'header' | 'parameter' }[] {
  const found: { operation: string; sites: ExampleSite[]; kind: 'request' | 'response' | 'header' | 'parameter' }[] = [];
  for (const [path, item] of Object.entries(spec.paths as Record<string, Json>)) {
    for (const method of methods.filter((m) => item[m])) {
      const op = item[method] as Json;
      const operation = `${String(op.operationId)} (${method.toUpperCase()} ${path})`;
      const opPointer = `#/paths/${escape(path)}/${method}`;
      for (const [i, param] of ((op.parameters ?? []) as unknown[]).entries()) {
        const resolved = deref(spec, param) as Json;
        const paramPointer = (param as Json).$ref ? String((param as Json).$ref) : `${opPointer}/parameters/${i}`;
        found.push({
          operation,
          kind: 'parameter',
          sites: [{ where: `parameter ${String(resolved.name)}`, schemaPointer: `${paramPointer}/schema`, hasSchema: true, examples: namedExamples(spec, resolved) }],
        });
      }
      if (op.requestBody) {
        const body = op.requestBody as Json;
        const bodyPointer = body.$ref ? String(body.$ref) : `${opPointer}/requestBody`;
        found.push({ operation, kind: 'request', sites: mediaSites(spec, (deref(spec, body) as Json).content, `${bodyPointer}/content`, 'request body') });
      }
      for (const [status, response] of Object.entries((op.responses ?? {}) as Record<string, Json>)) {
        const resolved = deref(spec, response) as Json;
        const responsePointer = response.$ref ? String(response.$ref) : `${opPointer}/responses/${status}`;
        found.push({ operation, kind: 'response', sites: mediaSites(spec, resolved.content, `${responsePointer}/content`, `response ${status}`) });
        for (const [name, header] of Object.entries((resolved.headers ?? {}) as Record<string, Json>)) {
          const headerPointer = header.$ref ? String(header.$ref) : `${responsePointer}/headers/${escape(name)}`;
          const resolvedHeader = deref(spec, header) as Json;
          const examples = namedExamples(spec, resolvedHeader);
          if (resolvedHeader.example !== undefined) examples.example = resolvedHeader.example;
          found.push({ operation, kind: 'header', sites: [{ where: `response ${status} header ${name}`, schemaPointer: `${headerPointer}/schema`, hasSchema: true, examples }] });
        }
      }
    }
  }
  return found;
}
