import spec from '../generated/camunda.openapi.json' with { type: 'json' };

export type { components, operations, paths } from '../generated/camunda.ts';

/** The bundled Camunda OpenAPI document (components referenced by `#/components/...`). */
export const camundaSpec: Record<string, unknown> = spec;
