/**
 * Path, query and header parameters: read from the request, coerced from strings per their schema
 * (an `integer` path param becomes a number), then validated as one object per location by a
 * validator compiled once from refs into the spec.
 */
import type { Context } from 'hono';
import { compileSchema, specRef, type Ajv2020, type ValidateFunction } from './ajv.ts';
import { deref, type Located } from './json-pointer.ts';
import { requestHeader } from '../request-headers.ts';
import type { ValidationLocation } from '../failures.ts';
import type { OpenApiDocument, ParameterObject, SchemaObject } from '../types/openapi-document.ts';

type Coerce = (raw: string) => unknown;

interface CompiledParameter {
  /** The name as the spec spells it: the key in `req.params` / `req.query` / `req.headers`. */
  readonly name: string;
  /** What to look up: the Hono route param alias, the query name or the lower-cased header name. */
  readonly lookup: string;
  /** Query arrays in `form` + `explode` style arrive as repeated keys (`?tag=a&tag=b`). */
  readonly repeated: boolean;
  readonly coerce: (raw: string | readonly string[]) => unknown;
}

/** The parameters of one location of one operation. */
export interface CompiledParameterGroup {
  readonly location: Exclude<ValidationLocation, 'body'>;
  readonly parameters: readonly CompiledParameter[];
  readonly anyRepeated: boolean;
  readonly validate: ValidateFunction;
}

const numeric = /^-?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;

/**
 * Whether `value` stands for one integer only. Past Number.MAX_SAFE_INTEGER neighbouring integers
 * read as the same double (`9007199254740993` as …992; int64's 2^63 - 1 and the too-large 2^63 as
 * one), so a key there would silently be another one: such a raw value stays a string and fails
 * the schema's `integer` type, a 400 in the API's format.
 */
function exactInteger(value: number): boolean {
  return Number.isSafeInteger(value) || !Number.isInteger(value);
}

function typesOf(schema: SchemaObject): readonly string[] {
  if (typeof schema.type === 'string') return [schema.type];
  return Array.isArray(schema.type) ? schema.type : [];
}

/** A string → value conversion for one scalar schema; values that don't convert stay strings, so Ajv reports them. */
function scalarCoercer(schema: SchemaObject): Coerce {
  const types = typesOf(schema);
  if (types.includes('integer') && !types.includes('number')) {
    return (raw) => {
      if (!numeric.test(raw)) return raw;
      const value = Number(raw);
      return exactInteger(value) ? value : raw;
    };
  }
  if (types.includes('number')) {
    return (raw) => (numeric.test(raw) ? Number(raw) : raw);
  }
  if (types.includes('boolean')) return (raw) => (raw === 'true' ? true : raw === 'false' ? false : raw);
  return (raw) => raw;
}

function compileParameter(spec: OpenApiDocument, param: Located<ParameterObject>, lookup: string): CompiledParameter {
  const { value: p } = param;
  if (p.schema === undefined) {
    // `content`-style parameters (a JSON document in one query value) are not used by our specs.
    throw new Error(`OpenAPI: parameter ${p.in}:${p.name} has no schema; content-encoded parameters are unsupported`);
  }
  if (p.style === 'deepObject' || p.style === 'spaceDelimited' || p.style === 'pipeDelimited') {
    throw new Error(`OpenAPI: parameter ${p.in}:${p.name} uses style ${p.style}, which is unsupported`);
  }
  const schema = deref<SchemaObject>(spec, { value: p.schema, pointer: `${param.pointer}/schema` }).value;
  if (typesOf(schema).includes('array')) {
    const items = schema.items === undefined ? (raw: string) => raw : scalarCoercer(deref<SchemaObject>(spec, { value: schema.items, pointer: '' }).value);
    // OpenAPI's default for query is form + explode: repeated keys. Everything else is comma-separated.
    const repeated = p.in === 'query' && (p.explode ?? (p.style === undefined || p.style === 'form'));
    return {
      name: p.name,
      lookup,
      repeated,
      coerce: (raw) => (typeof raw === 'string' ? (raw === '' ? [] : raw.split(',')) : raw).map(items),
    };
  }
  const scalar = scalarCoercer(schema);
  return { name: p.name, lookup, repeated: false, coerce: (raw) => scalar(typeof raw === 'string' ? raw : (raw[0] ?? '')) };
}

/**
 * Compiles the parameters of one location, or returns undefined when the operation has none there.
 *
 * @param pathAliases - spec path param name → the Hono route param name it was registered under.
 */
export function compileParameterGroup(
  ajv: Ajv2020,
  spec: OpenApiDocument,
  location: CompiledParameterGroup['location'],
  parameters: readonly Located<ParameterObject>[],
  pathAliases: ReadonlyMap<string, string>,
): CompiledParameterGroup | undefined {
  // OpenAPI: Accept, Content-Type and Authorization header parameters are ignored.
  const ignored = new Set(['accept', 'content-type', 'authorization']);
  const own = parameters.filter(
    (p) => p.value.in === location && !(location === 'header' && ignored.has(p.value.name.toLowerCase())),
  );
  if (own.length === 0) return undefined;
  const compiled = own.map((p) => {
    const lookup =
      location === 'path' ? (pathAliases.get(p.value.name) ?? p.value.name) : location === 'header' ? p.value.name.toLowerCase() : p.value.name;
    return compileParameter(spec, p, lookup);
  });
  const schema = {
    type: 'object',
    properties: Object.fromEntries(own.map((p) => [p.value.name, specRef(`${p.pointer}/schema`)])),
    // Path params are always required, whatever the spec says.
    required: own.filter((p) => p.value.required === true || location === 'path').map((p) => p.value.name),
  };
  return {
    location,
    parameters: compiled,
    anyRepeated: compiled.some((p) => p.repeated),
    validate: compileSchema(ajv, schema),
  };
}

/** Reads and coerces one location's parameters from the request. */
export function readParameters(group: CompiledParameterGroup, c: Context): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  if (group.location === 'header') {
    for (const p of group.parameters) {
      const raw = requestHeader(c, p.lookup);
      if (raw !== undefined) out[p.name] = p.coerce(raw);
    }
  } else if (group.location === 'path') {
    // One by one: `c.req.param()` with no name builds and decodes an object of every parameter.
    for (const p of group.parameters) {
      const value = c.req.param(p.lookup) as string | undefined;
      if (value !== undefined) out[p.name] = p.coerce(value);
    }
  } else if (group.anyRepeated) {
    const raw = c.req.queries() as Record<string, string[] | undefined>;
    for (const p of group.parameters) {
      const values = raw[p.lookup];
      if (values !== undefined) out[p.name] = p.coerce(p.repeated ? values : (values[0] ?? ''));
    }
  } else {
    const raw = c.req.query() as Record<string, string | undefined>;
    for (const p of group.parameters) {
      const value = raw[p.lookup];
      if (value !== undefined) out[p.name] = p.coerce(value);
    }
  }
  return out;
}

