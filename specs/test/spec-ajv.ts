import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { camundaSpec } from '../src/camunda.ts';
import { onezoneSpec } from '../src/onezone.ts';

export const specs = { camunda: camundaSpec, onezone: onezoneSpec } as const;
export type ApiName = keyof typeof specs;

/**
 * An Ajv (JSON Schema 2020-12, formats on) that knows each bundled spec under its API name, so a
 * schema is compiled by reference (`camunda#/components/schemas/UserRequest`) exactly as the
 * runtime compiles it, refs and all.
 */
export function createSpecAjv(): Ajv2020 {
  const ajv = new Ajv2020({ allErrors: true, strict: false });
  addFormats(ajv);
  for (const [api, spec] of Object.entries(specs)) ajv.addSchema(spec, api);
  return ajv;
}

/** Follows a local `$ref` inside a bundled spec; other objects come back as they are. */
export function deref(spec: unknown, node: unknown): unknown {
  let current = node;
  while (current && typeof current === 'object' && '$ref' in current) {
    const pointer = String((current as { $ref: string }).$ref).replace(/^#\//, '').split('/');
    current = pointer.reduce<unknown>(
      (at, segment) => (at as Record<string, unknown>)[segment.replace(/~1/g, '/').replace(/~0/g, '~')],
      spec,
    );
  }
  return current;
}
