/**
 * Ajv configured as the runtime configures it (`packages/hono-openapi/src/compile/ajv.ts`): Ajv 2020,
 * allErrors, strict off, Unicode regexps, ajv-formats, OpenAPI's annotation-only formats. The whole
 * document is registered once; validators are compiled by JSON pointer (so `$ref`s resolve as
 * written) and cached.
 */
import Ajv2020 from 'ajv/dist/2020.js';
import type { ErrorObject, ValidateFunction } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';

const documentId = 'https://contract-fuzz.invalid/openapi.json';
const annotationFormats = ['uri-template', 'int8', 'int16', 'uint8', 'uint16', 'uint32', 'uint64', 'char'];

export interface SpecValidator {
  /** Validates `value` against the schema at `pointer` (`#/components/schemas/User`). */
  validate(pointer: string, value: unknown): boolean;
  /** Like validate, returning Ajv's errors (empty when valid). */
  errors(pointer: string, value: unknown): readonly ErrorObject[];
  /** Whether `value` passes the named format as the runtime checks it (unknown formats pass). */
  format(name: string, value: string | number): boolean;
}

/** Builds the validator for one bundled document. */
export function createSpecValidator(document: object): SpecValidator {
  const ajv = new Ajv2020({ allErrors: true, strict: false, unicodeRegExp: true, validateSchema: false, logger: false });
  addFormats(ajv);
  for (const format of annotationFormats) ajv.addFormat(format, true);
  ajv.addSchema(document, documentId, undefined, false);
  const cache = new Map<string, ValidateFunction>();
  const compiled = (pointer: string): ValidateFunction => {
    let fn = cache.get(pointer);
    if (!fn) {
      const fragment = (pointer.startsWith('#') ? pointer.slice(1) : pointer)
        .split('/')
        .map((segment) => encodeURIComponent(segment))
        .join('/');
      fn = ajv.compile({ $ref: `${documentId}#${fragment}` });
      cache.set(pointer, fn);
    }
    return fn;
  };
  return {
    validate: (pointer, value) => compiled(pointer)(value) === true,
    errors: (pointer, value) => {
      const fn = compiled(pointer);
      return fn(value) ? [] : [...(fn.errors ?? [])];
    },
    format: (name, value) => {
      const definition = ajv.formats[name];
      if (definition === undefined || definition === true) return true;
      if (definition instanceof RegExp) return typeof value !== 'string' || definition.test(value);
      if (typeof definition === 'function') return (definition as (v: unknown) => boolean)(value);
      const { validate, type } = definition as { validate: unknown; type?: string };
      if ((type === 'number') !== (typeof value === 'number')) return true;
      if (validate instanceof RegExp) return validate.test(String(value));
      return typeof validate === 'function' ? Boolean((validate as (v: unknown) => unknown)(value)) : true;
    },
  };
}
