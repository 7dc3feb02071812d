import spec from '../generated/onezone.openapi.json' with { type: 'json' };

export type { components, operations, paths } from '../generated/onezone.ts';

/** The bundled Onezone OpenAPI document (components referenced by `#/components/...`). */
export const onezoneSpec: Record<string, unknown> = spec;
