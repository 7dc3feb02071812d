/**
 * One Ajv instance per spec and purpose, each holding the whole bundled spec under
 * {@link specSchemaId}, so validators are compiled from JSON pointers into the spec and
 * `#/components/...` refs resolve exactly as written. Nothing is copied out of the spec.
 */
import Ajv2020 from 'ajv/dist/2020.js';
import type { ValidateFunction } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import type { RuntimeLogger } from '../logger.ts';
import type { OpenApiDocument } from '../types/openapi-document.ts';

/** The `$id` the spec is registered under; refs into the spec are `${specSchemaId}#/pointer`. */
export const specSchemaId = 'https://hono-openapi.invalid/openapi.json';

/** Formats OpenAPI names that neither Ajv nor ajv-formats knows; they annotate, they don't constrain. */
const annotationFormats = ['uri-template', 'int8', 'int16', 'uint8', 'uint16', 'uint32', 'uint64', 'char'];

export interface AjvPurpose {
  /** Request validation fills in schema `default`s so handlers see what the generated types promise. */
  readonly useDefaults: boolean;
}

/** One spec's Ajv for one purpose, with what was compiled from it. */
interface SpecAjv {
  readonly ajv: Ajv2020;
  readonly validators: Map<string, ValidateFunction>;
  /** Where compile warnings go: the app compiling now. */
  logger: RuntimeLogger;
}

// Apps made from the same spec object in one process (a test file makes one per test, ~80 ms of
// Ajv code generation each) share its validators: they are pure functions of the spec and purpose.
const bySpec = new WeakMap<object, Map<boolean, SpecAjv>>();
const byAjv = new WeakMap<Ajv2020, SpecAjv>();

/**
 * The Ajv 2020 instance for the spec and purpose, with formats on and the spec registered; shared
 * by every app made from the same spec object. Compile warnings go to `logger` from now on.
 */
export function createSpecAjv(spec: OpenApiDocument, purpose: AjvPurpose, logger: RuntimeLogger): Ajv2020 {
  let forSpec = bySpec.get(spec);
  if (forSpec === undefined) bySpec.set(spec, (forSpec = new Map()));
  const known = forSpec.get(purpose.useDefaults);
  if (known !== undefined) {
    known.logger = logger;
    return known.ajv;
  }
  const entry: SpecAjv = { ajv: newSpecAjv(spec, purpose, () => entry.logger), validators: new Map(), logger };
  forSpec.set(purpose.useDefaults, entry);
  byAjv.set(entry.ajv, entry);
  return entry.ajv;
}

function newSpecAjv(spec: OpenApiDocument, purpose: AjvPurpose, logger: () => RuntimeLogger): Ajv2020 {
  const ajv = new Ajv2020({
    // Every bad field in one 400, not just the first.
    allErrors: true,
    // OpenAPI adds keywords (example, xml, externalDocs, discriminator, x-*) that strict mode rejects.
    strict: false,
    // `\p{L}` and friends in patterns need the `u` flag (Ajv's default, stated to be explicit).
    unicodeRegExp: true,
    useDefaults: purpose.useDefaults,
    // Errors must not carry request data: `verbose` would put values (passwords) into `error.data`.
    verbose: false,
    // Checking each schema against the 2020-12 meta-schema means compiling that meta-schema first,
    // per instance: most of the start-up time. The specs are linted (redocly) before they get here,
    // and Ajv still throws on a schema it cannot compile.
    validateSchema: false,
    logger: {
      log: () => {},
      warn: (...args: unknown[]) => logger().warn({ ajv: args.map(String) }, 'ajv warning while compiling the spec'),
      error: (...args: unknown[]) => logger().error({ ajv: args.map(String) }, 'ajv error while compiling the spec'),
    },
  });
  addFormats(ajv);
  for (const format of annotationFormats) ajv.addFormat(format, true);
  // The document is not a JSON Schema, so it is not meta-validated; only its schemas get compiled.
  ajv.addSchema(spec as object, specSchemaId, undefined, false);
  return ajv;
}

/** A `$ref` to a location in the registered spec, URI-escaped as a fragment. */
export function specRef(pointer: string): { $ref: string } {
  const fragment = pointer
    .split('/')
    .map((segment) => encodeURIComponent(segment))
    .join('/');
  return { $ref: `${specSchemaId}#${fragment}` };
}

/** The validator of the schema at `pointer` in the spec, compiled once per {@link createSpecAjv} instance. */
export function compileAt(ajv: Ajv2020, pointer: string): ValidateFunction {
  return compileSchema(ajv, specRef(pointer));
}

/** The validator of `schema` (refs into the spec allowed), compiled once per {@link createSpecAjv} instance. */
export function compileSchema(ajv: Ajv2020, schema: object): ValidateFunction {
  const validators = byAjv.get(ajv)?.validators;
  const key = JSON.stringify(schema);
  let validate = validators?.get(key);
  if (validate === undefined) {
    validate = ajv.compile(schema);
    validators?.set(key, validate);
  }
  return validate;
}

export type { Ajv2020, ValidateFunction };
