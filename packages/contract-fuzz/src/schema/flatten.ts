/**
 * Schema flattening for generation: `$ref`s followed and `allOf` merged into one schema, keeping
 * the stricter bound of each keyword. Generation only: every generated value is still validated
 * by Ajv against the schema as written, so an approximation here costs retries, never wrong data.
 */
import { isObject, readPointer, type JsonObject } from '../spec/pointer.ts';

const lowerBounds = ['minimum', 'exclusiveMinimum', 'minLength', 'minItems', 'minProperties'];
const upperBounds = ['maximum', 'exclusiveMaximum', 'maxLength', 'maxItems', 'maxProperties'];

/** Follows `$ref` (its siblings merged in) and merges `allOf`; `true`/absent give `{}`. */
export function flatten(document: JsonObject, schema: unknown, depth = 0): JsonObject {
  if (!isObject(schema)) return schema === false ? { not: {} } : {};
  if (depth > 20) return {};
  let current: JsonObject = schema;
  const ref = current['$ref'];
  if (typeof ref === 'string') {
    const { $ref: _ref, ...siblings } = current;
    current = merge(flatten(document, readPointer(document, ref), depth + 1), siblings);
  }
  const allOf = current['allOf'];
  if (Array.isArray(allOf)) {
    const { allOf: _all, ...rest } = current;
    current = allOf.reduce<JsonObject>((acc, part) => merge(acc, flatten(document, part, depth + 1)), rest);
  }
  return current;
}

/** Merges two flattened schemas (both must hold). */
export function merge(a: JsonObject, b: JsonObject): JsonObject {
  const out: JsonObject = { ...a };
  for (const [key, value] of Object.entries(b)) {
    const mine = out[key];
    if (mine === undefined) out[key] = value;
    else if (lowerBounds.includes(key)) out[key] = Math.max(Number(mine), Number(value));
    else if (upperBounds.includes(key)) out[key] = Math.min(Number(mine), Number(value));
    else if (key === 'required' && Array.isArray(mine) && Array.isArray(value)) out[key] = [...new Set([...mine, ...value])];
    else if (key === 'properties' && isObject(mine) && isObject(value)) {
      const props: JsonObject = { ...mine };
      for (const [name, sub] of Object.entries(value)) props[name] = props[name] === undefined ? sub : { allOf: [props[name], sub] };
      out[key] = props;
    } else if (key === 'type') {
      const left = Array.isArray(mine) ? mine : [mine];
      const right = Array.isArray(value) ? value : [value];
      const both = left.filter((t) => right.includes(t) || (t === 'integer' && right.includes('number')));
      const extra = right.filter((t) => t === 'integer' && left.includes('number'));
      out[key] = [...new Set([...both, ...extra])];
    } else if (key === 'enum' && Array.isArray(mine) && Array.isArray(value)) {
      out[key] = mine.filter((m) => value.some((v) => JSON.stringify(v) === JSON.stringify(m)));
    } else if (key === 'additionalProperties') out[key] = mine === false || value === false ? false : value;
    else if (key === 'items' || key === 'not') out[key] = { allOf: [mine, value] };
    else out[key] = value;
  }
  return out;
}

/** The JSON types a flattened schema admits (inferred from its keywords when `type` is absent). */
export function typesOf(schema: JsonObject): string[] {
  const type = schema['type'];
  if (typeof type === 'string') return [type];
  if (Array.isArray(type)) return type.map(String);
  if (schema['const'] !== undefined || Array.isArray(schema['enum'])) return [];
  if (isObject(schema['properties']) || Array.isArray(schema['required']) || schema['additionalProperties'] !== undefined) return ['object'];
  if (schema['items'] !== undefined || Array.isArray(schema['prefixItems'])) return ['array'];
  if (['minLength', 'maxLength', 'pattern', 'format'].some((k) => schema[k] !== undefined)) return ['string'];
  if (['minimum', 'maximum', 'exclusiveMinimum', 'exclusiveMaximum', 'multipleOf'].some((k) => schema[k] !== undefined)) return ['number'];
  return [];
}
