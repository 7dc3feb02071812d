/**
 * JSON Schema → fast-check Arbitrary of values valid for it. Generation follows the schema's
 * keywords; validity is then confirmed by Ajv (see {@link validPositive}), so what is called
 * positive is positive.
 */
import fc from 'fast-check';
import { isObject, type JsonObject } from '../spec/pointer.ts';
import { codePoint, codePointLength } from './chars.ts';
import { boundedFilter } from './bounded-filter.ts';
import { flatten, merge, typesOf } from './flatten.ts';
import type { SpecValidator } from './spec-ajv.ts';

export interface SchemaContext {
  readonly document: JsonObject;
  readonly validator: SpecValidator;
}

/** Beyond this nesting depth optional properties and array items are left out (recursive schemas). */
const maxDepth = 4;
/** Upper length used when a schema sets none: keeps requests small; long values are transport mutations. */
const defaultMaxLength = 40;
const defaultMaxItems = 4;

/** An arbitrary of values for `schema` (mostly valid; filter with Ajv for certainty). */
export function positive(ctx: SchemaContext, schema: unknown, depth = 0): fc.Arbitrary<unknown> {
  return positiveFlat(ctx, flatten(ctx.document, schema), depth);
}

/**
 * Positive values for the schema at `pointer`, each confirmed valid by Ajv. Shrinking stays within
 * valid values because the filter applies to shrunk values too.
 */
export function validPositive(ctx: SchemaContext, pointer: string, schema: unknown): fc.Arbitrary<unknown> {
  return boundedFilter(positive(ctx, schema), (value) => ctx.validator.validate(pointer, value), pointer);
}

function positiveFlat(ctx: SchemaContext, s: JsonObject, depth: number): fc.Arbitrary<unknown> {
  if (s['const'] !== undefined) return fc.constant(s['const']);
  if (Array.isArray(s['enum'])) return s['enum'].length === 0 ? fc.constant(null) : fc.constantFrom(...(s['enum'] as unknown[]));
  const alternatives = Array.isArray(s['oneOf']) ? s['oneOf'] : Array.isArray(s['anyOf']) ? s['anyOf'] : undefined;
  if (alternatives !== undefined && alternatives.length > 0) {
    const { oneOf: _o, anyOf: _a, ...base } = s;
    return fc.oneof(...alternatives.map((branch) => positiveFlat(ctx, merge(base, flatten(ctx.document, branch)), depth)));
  }
  if (s['if'] !== undefined && (s['then'] !== undefined || s['else'] !== undefined)) {
    const { if: condition, then, else: otherwise, ...base } = s;
    const thenBranch = merge(merge(base, flatten(ctx.document, condition)), flatten(ctx.document, then));
    const elseBranch = otherwise === undefined ? base : merge(base, flatten(ctx.document, otherwise));
    return fc.oneof(positiveFlat(ctx, thenBranch, depth), positiveFlat(ctx, elseBranch, depth));
  }
  const types = typesOf(s);
  if (types.length === 0) return anyJson(depth);
  return fc.oneof(...types.map((type) => forType(ctx, s, type, depth)));
}

function forType(ctx: SchemaContext, s: JsonObject, type: string, depth: number): fc.Arbitrary<unknown> {
  switch (type) {
    case 'string':
      return stringArbitrary(ctx, s);
    case 'integer':
      return integerArbitrary(s);
    case 'number':
      return numberArbitrary(s);
    case 'boolean':
      return fc.boolean();
    case 'null':
      return fc.constant(null);
    case 'array':
      return arrayArbitrary(ctx, s, depth);
    case 'object':
      return objectArbitrary(ctx, s, depth, new Map());
    default:
      return anyJson(depth);
  }
}

/** Small JSON values, strings of printable ASCII (controls are transport mutations). */
export function anyJson(depth: number): fc.Arbitrary<unknown> {
  return fc.jsonValue({ maxDepth: Math.max(0, 2 - depth) });
}

function stringArbitrary(ctx: SchemaContext, s: JsonObject): fc.Arbitrary<string> {
  const min = typeof s['minLength'] === 'number' ? s['minLength'] : 0;
  const max = typeof s['maxLength'] === 'number' ? s['maxLength'] : Math.max(min, defaultMaxLength) + (min > 0 ? 8 : 0);
  const format = typeof s['format'] === 'string' ? s['format'] : undefined;
  const pattern = typeof s['pattern'] === 'string' ? new RegExp(s['pattern'], 'u') : undefined;
  let base: fc.Arbitrary<string>;
  // A pattern constrains more than a format: generate from it and check the format after.
  if (pattern !== undefined) base = matching(pattern, min > 8);
  else if (format !== undefined && formatArbitraries[format] !== undefined) base = formatArbitraries[format]();
  else base = fc.string({ unit: codePoint, minLength: min, maxLength: Math.min(max, min + defaultMaxLength) });
  const ok = (value: string): boolean => {
    const length = codePointLength(value);
    return length >= min && length <= max && (pattern === undefined || pattern.test(value)) && (format === undefined || ctx.validator.format(format, value));
  };
  return boundedFilter(base, ok, `a string with ${JSON.stringify({ min, max, pattern: pattern?.source, format })}`);
}

/** fast-check expands Unicode property classes when it builds the arbitrary (~0.3 s): built once per pattern. */
const matchingCache = new Map<string, fc.Arbitrary<string>>();
function matching(pattern: RegExp, long: boolean): fc.Arbitrary<string> {
  const key = `${long}:${pattern.source}`;
  let arbitrary = matchingCache.get(key);
  if (arbitrary === undefined) {
    // A long minimum needs long repetitions, which fast-check only makes at a larger size.
    arbitrary = long ? fc.oneof(fc.stringMatching(pattern), fc.stringMatching(pattern, { size: 'large' })) : fc.stringMatching(pattern);
    matchingCache.set(key, arbitrary);
  }
  return arbitrary;
}

/** Built once, like {@link EXTRA_KEY}. */
const POINTER_SEGMENT = fc.stringMatching(/^[a-z]{1,5}$/);

const dateArbitrary = fc.date({ min: new Date('1970-01-01T00:00:00Z'), max: new Date('2099-12-31T23:59:59Z'), noInvalidDate: true });

/** Generators for the formats ajv-formats checks; each value is still run through ajv-formats' own check. */
const formatArbitraries: Record<string, () => fc.Arbitrary<string>> = {
  email: () => fc.emailAddress(),
  'idn-email': () => fc.emailAddress(),
  uri: () => fc.webUrl({ withQueryParameters: true, withFragments: true }),
  iri: () => fc.webUrl(),
  'uri-reference': () => fc.oneof(fc.webUrl(), fc.webPath()),
  'iri-reference': () => fc.oneof(fc.webUrl(), fc.webPath()),
  url: () => fc.webUrl(),
  'date-time': () => dateArbitrary.map((d) => d.toISOString()),
  date: () => dateArbitrary.map((d) => d.toISOString().slice(0, 10)),
  time: () => dateArbitrary.map((d) => d.toISOString().slice(11)),
  uuid: () => fc.uuid(),
  ipv4: () => fc.ipV4(),
  ipv6: () => fc.ipV6(),
  hostname: () => fc.domain(),
  'idn-hostname': () => fc.domain(),
  byte: () => fc.base64String(),
  duration: () => fc.constantFrom('P1D', 'PT1H30M', 'P1Y2M3DT4H5M6S', 'P2W'),
  'json-pointer': () => fc.array(POINTER_SEGMENT, { maxLength: 3 }).map((p) => p.map((s) => `/${s}`).join('')),
  regex: () => fc.constantFrom('^a+$', '[0-9]{2}', '.*'),
};

const int32 = { min: -(2 ** 31), max: 2 ** 31 - 1 };

function numericBounds(s: JsonObject, integer: boolean): { min: number; max: number } {
  let min = integer ? Number.MIN_SAFE_INTEGER : -1e12;
  let max = integer ? Number.MAX_SAFE_INTEGER : 1e12;
  if (s['format'] === 'int32') {
    min = Math.max(min, int32.min);
    max = Math.min(max, int32.max);
  }
  const step = integer ? 1 : Number.EPSILON * 4;
  if (typeof s['minimum'] === 'number') min = Math.max(min, s['minimum']);
  if (typeof s['exclusiveMinimum'] === 'number') min = Math.max(min, s['exclusiveMinimum'] + step);
  if (typeof s['maximum'] === 'number') max = Math.min(max, s['maximum']);
  if (typeof s['exclusiveMaximum'] === 'number') max = Math.min(max, s['exclusiveMaximum'] - step);
  if (integer) return { min: Math.ceil(min), max: Math.floor(max) };
  return { min, max };
}

function integerArbitrary(s: JsonObject): fc.Arbitrary<number> {
  const { min, max } = numericBounds(s, true);
  const multipleOf = typeof s['multipleOf'] === 'number' ? s['multipleOf'] : undefined;
  if (multipleOf !== undefined) {
    return fc.integer({ min: Math.ceil(min / multipleOf), max: Math.floor(max / multipleOf) }).map((k) => k * multipleOf);
  }
  return fc.integer({ min, max });
}

function numberArbitrary(s: JsonObject): fc.Arbitrary<number> {
  if (s['format'] === 'int32' || s['format'] === 'int64' || typeof s['multipleOf'] === 'number') return integerArbitrary(s);
  const { min, max } = numericBounds(s, false);
  return fc.oneof(
    fc.integer({ min: Math.ceil(Math.max(min, Number.MIN_SAFE_INTEGER)), max: Math.floor(Math.min(max, Number.MAX_SAFE_INTEGER)) }),
    fc.double({ min, max, noNaN: true, noDefaultInfinity: true }).map((n) => (Object.is(n, -0) ? 0 : n)),
  );
}

function arrayArbitrary(ctx: SchemaContext, s: JsonObject, depth: number): fc.Arbitrary<unknown[]> {
  const min = typeof s['minItems'] === 'number' ? s['minItems'] : 0;
  const declaredMax = typeof s['maxItems'] === 'number' ? s['maxItems'] : undefined;
  const max = Math.min(declaredMax ?? Number.POSITIVE_INFINITY, depth >= maxDepth ? min : min + defaultMaxItems);
  const prefix = Array.isArray(s['prefixItems']) ? s['prefixItems'].map((p) => positive(ctx, p, depth + 1)) : [];
  const item = s['items'] === false ? fc.constant(undefined) : positive(ctx, s['items'], depth + 1);
  const restMin = Math.max(0, min - prefix.length);
  const restMax = Math.max(restMin, max - prefix.length);
  const rest =
    s['uniqueItems'] === true
      ? fc.uniqueArray(item, { minLength: restMin, maxLength: restMax, selector: (v) => JSON.stringify(v) })
      : fc.array(item, { minLength: restMin, maxLength: restMax });
  return fc.tuple(fc.tuple(...prefix), rest).map(([head, tail]) => [...head, ...tail]);
}

/**
 * Names of unknown properties, built once: building a `stringMatching` costs ~4 ms (fast-check
 * tokenizes its bias strings each time), and a run plans over a hundred object arbitraries.
 */
const EXTRA_KEY = fc.stringMatching(/^x_[a-z]{1,8}$/);

/**
 * Objects; `forced` names properties that must be present with the given arbitrary (how a
 * negative case plants its bad value at one location inside otherwise valid data).
 */
export function objectArbitrary(
  ctx: SchemaContext,
  s: JsonObject,
  depth: number,
  forced: ReadonlyMap<string, fc.Arbitrary<unknown>>,
): fc.Arbitrary<Record<string, unknown>> {
  const properties = isObject(s['properties']) ? s['properties'] : {};
  const required = new Set(Array.isArray(s['required']) ? s['required'].map(String) : []);
  const record: Record<string, fc.Arbitrary<unknown>> = {};
  for (const [name, sub] of Object.entries(properties)) {
    if (depth >= maxDepth && !required.has(name) && !forced.has(name)) continue;
    record[name] = forced.get(name) ?? positive(ctx, sub, depth + 1);
  }
  for (const name of required) record[name] ??= anyJson(depth + 1);
  for (const [name, arb] of forced) record[name] = arb;
  const requiredKeys = [...new Set([...required, ...forced.keys()])];
  const base = fc.record(record, { requiredKeys });
  const additional = s['additionalProperties'];
  if (additional === false || depth >= 2 || isObject(s['patternProperties'])) return base;
  const extraKey = EXTRA_KEY.filter((k) => !(k in properties));
  const extraValue = isObject(additional) ? positive(ctx, additional, depth + 1) : anyJson(depth + 1);
  // Unknown properties the schema admits, now and then (one object in six).
  const extras = fc.oneof(
    { weight: 5, arbitrary: fc.constant(undefined) },
    { weight: 1, arbitrary: fc.dictionary(extraKey, extraValue, { minKeys: 1, maxKeys: 2 }) },
  );
  return fc.tuple(base, extras).map(([object, extra]) => ({ ...(extra ?? {}), ...object }));
}
