/**
 * One Ajv instance per purpose, each holding the whole bundled spec under {@link specSchemaId}, so
 * validators are compiled from JSON pointers into the spec and `#/components/...` refs resolve
 * exactly as written. Nothing is copied out of the spec.
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

/** Creates an Ajv 2020 instance with formats on and the spec registered (not yet compiled). */
export function createSpecAjv(spec: OpenApiDocument, purpose: AjvPurpose, logger: RuntimeLogger): Ajv2020 {
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
      warn: (...args: unknown[]) => logger.warn({ ajv: args.map(String) }, 'ajv warning while compiling the spec'),
      error: (...args: unknown[]) => logger.error({ ajv: args.map(String) }, 'ajv error while compiling the spec'),
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

/** Compiles the schema at `pointer` in the spec. */
export function compileAt(ajv: Ajv2020, pointer: string): ValidateFunction {
  return ajv.compile(specRef(pointer));
}

export type { Ajv2020, ValidateFunction };
