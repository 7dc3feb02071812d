// What `redocly lint` does not check about the stateful parts of the specs: that each OpenAPI link
// targets a real operation and parameter and that its runtime expressions point at something the
// response or request declares, and that each Arazzo step names an operation of its source.
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { deref, specs, type ApiName } from './spec-ajv.ts';

type Json = Record<string, unknown>;
interface Operation {
  operationId: string;
  parameterNames: string[];
  op: Json;
}

const methods = ['get', 'put', 'post', 'delete', 'patch'];

function operations(spec: Json): Operation[] {
  return Object.values(spec.paths as Record<string, Json>).flatMap((item) =>
    methods
      .filter((m) => item[m])
      .map((m) => {
        const op = item[m] as Json;
        const parameters = [...((item.parameters ?? []) as unknown[]), ...((op.parameters ?? []) as unknown[])].map((p) => deref(spec, p) as Json);
        return { operationId: String(op.operationId), parameterNames: parameters.map((p) => String(p.name)), op };
      }),
  );
}

/** The JSON Schema a pointer leads to inside `schema`, following `properties` (undefined: not declared). */
function schemaAt(spec: Json, schema: unknown, pointer: string): unknown {
  return pointer
    .split('/')
    .slice(1)
    .reduce<unknown>((at, segment) => {
      const resolved = deref(spec, at) as Json | undefined;
      return (resolved?.properties as Json | undefined)?.[segment];
    }, schema);
}

/**
 * Why `expression` does not hold in the context of `response` of `source`, or undefined. Beside
 * OpenAPI's runtime expressions it accepts Schemathesis's `#regex:<pattern>` suffix (capture group 1
 * is the value), which our fuzzer implements.
 */
function expressionProblem(spec: Json, source: Json, response: Json, expression: string): string | undefined {
  const [base, regex] = expression.split('#regex:') as [string, string | undefined];
  if (regex !== undefined) {
    let compiled: RegExp;
    try {
      compiled = new RegExp(regex);
    } catch (error) {
      return `bad regex: ${(error as Error).message}`;
    }
    if (new RegExp(`${compiled.source}|`).exec('')!.length < 2) return 'the regex has no capture group';
  }
  const header = /^\$response\.header\.(.+)$/.exec(base);
  if (header) {
    const names = Object.keys((response.headers ?? {}) as Json).map((n) => n.toLowerCase());
    return names.includes(header[1]!.toLowerCase()) ? undefined : `the response declares no header ${header[1]}`;
  }
  const body = /^\$(response|request)\.body#(\/.*)$/.exec(base);
  if (body) {
    const holder = body[1] === 'response' ? response : (deref(spec, source.requestBody) as Json | undefined);
    const schema = (holder?.content as Record<string, Json> | undefined)?.['application/json']?.schema;
    return schemaAt(spec, schema, body[2]!) ? undefined : `the ${body[1]} body declares nothing at ${body[2]}`;
  }
  return `not a runtime expression this check knows: ${expression}`;
}

/** String leaves of a link's `requestBody` that are runtime expressions. */
const expressionsIn = (value: unknown): string[] =>
  typeof value === 'string' ? (value.startsWith('$') ? [value] : []) : value && typeof value === 'object' ? Object.values(value).flatMap(expressionsIn) : [];

describe.each(Object.keys(specs) as ApiName[])('%s links', (api) => {
  const spec = specs[api] as Json;
  const all = operations(spec);
  const links = all.flatMap(({ operationId, op }) =>
    Object.entries((op.responses ?? {}) as Json).flatMap(([status, ref]) => {
      const response = deref(spec, ref) as Json;
      return Object.entries((response.links ?? {}) as Json).map(([name, link]) => ({
        label: `${operationId} ${status} → ${name}`,
        source: op,
        response,
        link: deref(spec, link) as Json,
      }));
    }),
  );

  it.each(all.filter(({ op }) => Object.keys((op.responses ?? {}) as Json).some((s) => s === '201' || s === '202')))(
    '$operationId creates something, so its 201/202 response declares links',
    ({ op }) => {
      const created = Object.entries(op.responses as Json).filter(([s]) => s === '201' || s === '202');
      for (const [, response] of created) expect(Object.keys(((deref(spec, response) as Json).links ?? {}) as Json)).not.toEqual([]);
    },
  );

  it.each(links)('$label targets an operation and its parameters, with expressions that resolve', ({ source, response, link }) => {
    const target = all.find((o) => o.operationId === link.operationId);
    expect(target, `operationId ${String(link.operationId)}`).toBeDefined();
    for (const [name, expression] of Object.entries((link.parameters ?? {}) as Record<string, string>)) {
      expect(target!.parameterNames, `parameter ${name}`).toContain(name);
      expect(expressionProblem(spec, source, response, expression), expression).toBeUndefined();
    }
    if (link.requestBody !== undefined) expect(target!.op.requestBody, 'the target takes a body').toBeDefined();
    for (const expression of expressionsIn(link.requestBody)) expect(expressionProblem(spec, source, response, expression), expression).toBeUndefined();
  });
});

describe('Arazzo workflows', () => {
  const arazzoDir = join(dirname(fileURLToPath(import.meta.url)), '../arazzo');
  const files = readdirSync(arazzoDir).filter((f) => f.endsWith('.arazzo.yaml'));

  it.each(files)('%s names only operations of its source description', (file) => {
    const document = parse(readFileSync(join(arazzoDir, file), 'utf8')) as {
      sourceDescriptions: { name: string; url: string }[];
      workflows: { workflowId: string; steps: { stepId: string; operationId?: string }[] }[];
    };
    expect(document.sourceDescriptions).toHaveLength(1);
    const sourceFile = join(arazzoDir, document.sourceDescriptions[0]!.url);
    expect(existsSync(sourceFile), sourceFile).toBe(true);
    const ids = operations(JSON.parse(readFileSync(sourceFile, 'utf8')) as Json).map((o) => o.operationId);
    for (const workflow of document.workflows)
      for (const step of workflow.steps.filter((s) => s.operationId !== undefined))
        expect(ids, `${workflow.workflowId} / ${step.stepId}`).toContain(step.operationId);
  });
});
