import { describe, expect, it } from 'vitest';
import { specs, type ApiName } from './spec-ajv.ts';

type Json = Record<string, unknown>;

/** Every operation of a bundle: its name and its responses as written (refs unresolved). */
function operations(spec: Json): { name: string; responses: Json; secured: boolean }[] {
  const globalSecurity = (spec['security'] as unknown[] | undefined) ?? [];
  return Object.entries(spec['paths'] as Json).flatMap(([path, item]) =>
    Object.entries(item as Json)
      .filter(([, op]) => typeof op === 'object' && op !== null && 'responses' in op)
      .map(([method, op]) => {
        const operation = op as Json;
        const security = (operation['security'] as unknown[] | undefined) ?? globalSecurity;
        return {
          name: `${String(operation['operationId'] ?? `${method} ${path}`)}`,
          responses: operation['responses'] as Json,
          secured: security.length > 0 && security.every((requirement) => Object.keys(requirement as Json).length > 0),
        };
      }),
  );
}

// The runtime answers these for any operation (a database outage, the sign-in throttle), so the
// spec must say so everywhere, with the shared response that names the Retry-After header.
describe.each(Object.keys(specs) as ApiName[])('%s resilience responses', (api) => {
  const ops = operations(specs[api] as Json);

  it.each(ops.map((op) => ({ ...op, label: op.name })))('$label declares 503 ServiceUnavailable', ({ responses }) => {
    expect(responses['503']).toEqual({ $ref: '#/components/responses/ServiceUnavailable' });
  });

  it.each(ops.filter((op) => op.secured).map((op) => ({ ...op, label: op.name })))('$label declares 429 TooManyRequests', ({ responses }) => {
    expect(responses['429']).toEqual({ $ref: '#/components/responses/TooManyRequests' });
  });
});
