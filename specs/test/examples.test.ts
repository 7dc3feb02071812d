import { describe, expect, it } from 'vitest';
import { createSpecAjv, specs, type ApiName } from './spec-ajv.ts';
import { exampleSites } from './spec-walk.ts';

const ajv = createSpecAjv();

describe.each(Object.keys(specs) as ApiName[])('%s spec examples', (api) => {
  const operations = exampleSites(specs[api] as Record<string, unknown>);

  const cases = operations.flatMap(({ operation, sites }) =>
    sites.flatMap((site) =>
      Object.entries(site.examples).map(([name, value]) => ({ label: `${operation} ${site.where} "${name}"`, site, value })),
    ),
  );

  it.each(cases)('$label validates against its schema', ({ site, value }) => {
    expect(site.schemaPointer, 'an example needs a schema to be checked against').toBeDefined();
    const validate = ajv.getSchema(`${api}${site.schemaPointer}`);
    expect(validate).toBeDefined();
    const valid = validate!(value);
    expect(validate!.errors ?? [], JSON.stringify(value)).toEqual([]);
    expect(valid).toBe(true);
  });

  it.each(
    operations
      .filter(({ kind }) => kind === 'request' || kind === 'response')
      .flatMap(({ operation, sites }) => sites.map((site) => ({ label: `${operation} ${site.where}`, site }))),
  )('$label has a named example', ({ site }) => {
    expect(Object.keys(site.examples).length).toBeGreaterThan(0);
  });
});

describe('onezone error examples', () => {
  // Every id the user operations can answer with (../shared/api-facts.md) is a scenario the mock can serve.
  const ids = [
    'malformedData', 'missingRequiredValue', 'badValueString', 'badValueUsername', 'badValueFullName',
    'badValuePassword', 'badValueIdentifierOccupied', 'unauthorized', 'forbidden', 'notFound', 'internalServerError',
    'tooManyRequests', 'temporaryFailure',
  ];
  const served = new Set(
    exampleSites(specs.onezone as Record<string, unknown>)
      .filter(({ kind }) => kind === 'response')
      .flatMap(({ sites }) => sites.flatMap((site) => Object.values(site.examples)))
      .map((example) => (example as { error?: { id?: string } }).error?.id),
  );

  it.each(ids)('has a named response example for %s', (id) => {
    expect(served.has(id)).toBe(true);
  });
});
