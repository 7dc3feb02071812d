/**
 * Negative cases: values that violate ONE keyword at ONE location and are otherwise generated as
 * positive. Each case names the keyword and the instance location; the caller confirms with Ajv
 * that the whole value really is invalid and discards it otherwise.
 */
import fc from 'fast-check';
import { isObject, type JsonObject } from '../spec/pointer.ts';
import { boundedFilter } from './bounded-filter.ts';
import { codePoint, codePointLength } from './chars.ts';
import { flatten, typesOf } from './flatten.ts';
import { objectArbitrary, positive, type SchemaContext } from './positive.ts';

export interface NegativeCase {
  /** The JSON Schema keyword the value violates (`type`, `required`, `maxLength`, `if`…). */
  readonly keyword: string;
  /** Instance location of the violation, as segments (empty: the root). */
  readonly path: readonly string[];
  /** The whole value (root), valid except at `path`. */
  readonly arbitrary: fc.Arbitrary<unknown>;
}

const maxDepth = 3;

/** Every negative case of `schema`, walking into object properties and array items. */
export function negativeCases(ctx: SchemaContext, schema: unknown): NegativeCase[] {
  return collect(ctx, schema, [], 0).map((c) => ({ ...c, arbitrary: embed(ctx, schema, c.path, c.arbitrary, 0) }));
}

function collect(ctx: SchemaContext, schema: unknown, path: string[], depth: number): NegativeCase[] {
  const s = flatten(ctx.document, schema);
  const cases: NegativeCase[] = [];
  const add = (keyword: string, arbitrary: fc.Arbitrary<unknown> | undefined): void => {
    if (arbitrary !== undefined) cases.push({ keyword, path, arbitrary });
  };
  const types = typesOf(s);
  const typeNames = new Set(types.includes('number') ? [...types, 'integer'] : types);
  if (types.length > 0) {
    const others = wrongTypeValues.filter(([type]) => !typeNames.has(type));
    if (others.length > 0) add('type', fc.constantFrom(...others.map(([, value]) => value)));
  }
  if (Array.isArray(s['enum'])) add('enum', outside(s['enum'], types));
  if (s['const'] !== undefined) add('const', outside([s['const']], types));
  if (typeNames.has('string')) stringCases(ctx, s, add);
  if (typeNames.has('integer') || typeNames.has('number')) numberCases(s, typeNames.has('number') && !typeNames.has('integer'), add);
  if (typeNames.has('object')) {
    const required = Array.isArray(s['required']) ? s['required'].map(String) : [];
    for (const name of required) add('required', boundedFilter(positive(ctx, s), isObject, 'an object').map((o) => omit(o, [name])));
    if (s['additionalProperties'] === false) {
      const properties = isObject(s['properties']) ? s['properties'] : {};
      const extra = ['fuzz_extra', 'fuzzExtra', 'x'].find((name) => !(name in properties))!;
      add('additionalProperties', boundedFilter(positive(ctx, s), isObject, 'an object').map((o) => ({ ...o, [extra]: 'unexpected' })));
    }
    if (isObject(s['if']) && isObject(s['then'])) {
      const condition = flatten(ctx.document, s['if']);
      const then = flatten(ctx.document, s['then']);
      const forced = Array.isArray(condition['required']) ? condition['required'].map(String) : [];
      const dropped = (Array.isArray(then['required']) ? then['required'].map(String) : []).filter((n) => !forced.includes(n));
      if (forced.length > 0 && dropped.length > 0) {
        const properties = isObject(s['properties']) ? s['properties'] : {};
        const forcing = new Map(forced.map((name) => [name, positive(ctx, properties[name], 1)] as const));
        add('if', objectArbitrary(ctx, { ...s, if: undefined, then: undefined }, 0, forcing).map((o) => omit(o, dropped)));
      }
    }
    if (depth < maxDepth && isObject(s['properties'])) {
      for (const [name, sub] of Object.entries(s['properties'])) cases.push(...collect(ctx, sub, [...path, name], depth + 1));
    }
  }
  if (typeNames.has('array')) {
    if (typeof s['minItems'] === 'number' && s['minItems'] > 0) {
      add('minItems', fc.array(positive(ctx, s['items'], 1), { minLength: s['minItems'] - 1, maxLength: s['minItems'] - 1 }));
    }
    if (typeof s['maxItems'] === 'number') {
      add('maxItems', fc.array(positive(ctx, s['items'], 1), { minLength: s['maxItems'] + 1, maxLength: s['maxItems'] + 1 }));
    }
    if (depth < maxDepth && isObject(s['items'])) cases.push(...collect(ctx, s['items'], [...path, '0'], depth + 1));
  }
  return cases;
}

const wrongTypeValues: ReadonlyArray<readonly [string, unknown]> = [
  ['string', 'fuzz'],
  ['integer', 7],
  ['number', 1.5],
  ['boolean', true],
  ['null', null],
  ['array', []],
  ['object', {}],
];

function outside(allowed: readonly unknown[], types: readonly string[]): fc.Arbitrary<unknown> | undefined {
  const seen = new Set(allowed.map((v) => JSON.stringify(v)));
  const candidates: unknown[] = ['fuzz-not-allowed', 'FUZZ', '', 987654321, -1, true, null].filter((v) => !seen.has(JSON.stringify(v)));
  const sameType = candidates.filter((v) => types.length === 0 || types.some((t) => jsonTypeMatches(t, v)));
  const pool = sameType.length > 0 ? sameType : candidates;
  return pool.length > 0 ? fc.constantFrom(...pool) : undefined;
}

function jsonTypeMatches(type: string, value: unknown): boolean {
  if (type === 'integer') return Number.isInteger(value);
  if (type === 'null') return value === null;
  if (type === 'array') return Array.isArray(value);
  if (type === 'object') return isObject(value);
  return typeof value === type;
}

type Add = (keyword: string, arbitrary: fc.Arbitrary<unknown> | undefined) => void;

function stringCases(ctx: SchemaContext, s: JsonObject, add: Add): void {
  const min = typeof s['minLength'] === 'number' ? s['minLength'] : 0;
  const max = typeof s['maxLength'] === 'number' ? s['maxLength'] : undefined;
  const stringOnly = { ...s, type: 'string' };
  if (min > 0) add('minLength', positive(ctx, stringOnly).map((v) => [...String(v)].slice(0, min - 1).join('')));
  if (max !== undefined) {
    add('maxLength', positive(ctx, stringOnly).map((v) => {
      const chars = [...String(v)];
      const pad = chars[chars.length - 1] ?? 'a';
      return chars.join('') + pad.repeat(max + 1 - chars.length);
    }));
  }
  if (typeof s['pattern'] === 'string') {
    const re = new RegExp(s['pattern'], 'u');
    const lengthOk = (v: string): boolean => codePointLength(v) >= min && (max === undefined || codePointLength(v) <= max);
    const fixed = ['!', ' ', 'a b', '-', '..', 'é', '😀', '0', 'a'.repeat(Math.max(1, min)), '!'.repeat(Math.max(1, min)), ' x '.padEnd(Math.max(3, min), 'x')]
      .filter((v) => !re.test(v) && lengthOk(v));
    const random = fc.string({ unit: codePoint, minLength: min, maxLength: Math.min(max ?? min + 20, min + 20) });
    const sample = fc.sample(random, { numRuns: 40, seed: 42 }).filter((v) => !re.test(v));
    if (fixed.length > 0 || sample.length > 0) {
      const branches: Array<fc.Arbitrary<string>> = [];
      if (fixed.length > 0) branches.push(fc.constantFrom(...fixed));
      if (sample.length > 0) branches.push(boundedFilter(random, (v) => !re.test(v), `a string not matching ${s['pattern']}`));
      add('pattern', fc.oneof(...branches));
    }
  }
  if (typeof s['format'] === 'string') {
    const format = s['format'];
    const bad = badFormatValues.filter((v) => !ctx.validator.format(format, v) && codePointLength(v) >= min && (max === undefined || codePointLength(v) <= max));
    if (bad.length > 0) add('format', fc.constantFrom(...bad));
  }
}

const badFormatValues = ['fuzz', 'not an email@', 'no-at-sign.example', 'http://exa mple.com/%zz', '2020-13-45T99:00:00Z', '2021-02-30', '25:61:00', 'not-a-uuid', '999.1.1.1', '::g', '-bad-.host-', 'a b', '%'];

function numberCases(s: JsonObject, isNumber: boolean, add: Add): void {
  const delta = isNumber ? 0.5 : 1;
  if (typeof s['minimum'] === 'number') add('minimum', fc.constant(s['minimum'] - delta));
  if (typeof s['exclusiveMinimum'] === 'number') add('exclusiveMinimum', fc.constant(s['exclusiveMinimum']));
  if (typeof s['maximum'] === 'number') add('maximum', fc.constant(s['maximum'] + delta));
  if (typeof s['exclusiveMaximum'] === 'number') add('exclusiveMaximum', fc.constant(s['exclusiveMaximum']));
  if (typeof s['multipleOf'] === 'number') add('multipleOf', fc.constant(s['multipleOf'] * 1.5 + (Number.isInteger(s['multipleOf'] * 1.5) ? 0.25 : 0)));
  if (s['format'] === 'int32') add('format', fc.constantFrom(2 ** 31, -(2 ** 31) - 1));
  // int64: no negative in JS numbers (ajv-formats accepts every integer a double can hold).
}

function omit(object: Record<string, unknown>, names: readonly string[]): Record<string, unknown> {
  const copy = { ...object };
  for (const name of names) delete copy[name];
  return copy;
}

/** Plants `leaf` at `path` inside a positive value of `schema`. */
function embed(ctx: SchemaContext, schema: unknown, path: readonly string[], leaf: fc.Arbitrary<unknown>, depth: number): fc.Arbitrary<unknown> {
  if (path.length === 0) return leaf;
  const s = flatten(ctx.document, schema);
  const [head, ...rest] = path as [string, ...string[]];
  if (typesOf(s).includes('array') && /^\d+$/.test(head)) {
    const inner = embed(ctx, s['items'], rest, leaf, depth + 1);
    const maxItems = typeof s['maxItems'] === 'number' ? s['maxItems'] : 3;
    return fc.tuple(inner, fc.array(positive(ctx, s['items'], depth + 1), { maxLength: Math.max(0, Math.min(2, maxItems - 1)) })).map(([first, others]) => [first, ...others]);
  }
  const properties = isObject(s['properties']) ? s['properties'] : {};
  const { if: _if, then: _then, else: _else, oneOf: _one, anyOf: _any, ...plain } = s;
  const forced = new Map([[head, embed(ctx, properties[head], rest, leaf, depth + 1)]]);
  return objectArbitrary(ctx, plain, depth, forced);
}
