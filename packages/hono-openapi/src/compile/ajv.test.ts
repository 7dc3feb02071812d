import { describe, expect, it } from 'vitest';
import type { RuntimeLogger } from '../logger.ts';
import type { OpenApiDocument } from '../types/openapi-document.ts';
import { compileAt, compileSchema, createSpecAjv, specRef } from './ajv.ts';

const spec = () =>
  ({
    openapi: '3.1.0',
    info: { title: 't', version: '1' },
    paths: {},
    components: {
      schemas: {
        Page: { type: 'object', properties: { limit: { type: 'integer', default: 10 } } },
        Odd: { type: 'string', format: 'made-up' },
      },
    },
  }) as unknown as OpenApiDocument;

function capture(): RuntimeLogger & { warnings: string[] } {
  const warnings: string[] = [];
  return { warnings, warn: (obj) => warnings.push(JSON.stringify(obj)), error: () => {} };
}

describe('createSpecAjv and compileAt', () => {
  it('share one instance and its validators between apps made from the same spec object and purpose', () => {
    const document = spec();
    const first = createSpecAjv(document, { useDefaults: true }, capture());
    const second = createSpecAjv(document, { useDefaults: true }, capture());
    expect(second).toBe(first);
    expect(compileAt(second, '/components/schemas/Page')).toBe(compileAt(first, '/components/schemas/Page'));
    const wrapper = { type: 'object', properties: { page: specRef('/components/schemas/Page') } };
    expect(compileSchema(second, { ...wrapper })).toBe(compileSchema(first, wrapper));
  });

  it('keeps purposes and spec objects apart', () => {
    const document = spec();
    const requests = createSpecAjv(document, { useDefaults: true }, capture());
    const responses = createSpecAjv(document, { useDefaults: false }, capture());
    expect(responses).not.toBe(requests);
    expect(createSpecAjv(spec(), { useDefaults: true }, capture())).not.toBe(requests);

    const filled: Record<string, unknown> = {};
    expect(compileAt(requests, '/components/schemas/Page')(filled)).toBe(true);
    expect(filled).toEqual({ limit: 10 });
    const untouched: Record<string, unknown> = {};
    expect(compileAt(responses, '/components/schemas/Page')(untouched)).toBe(true);
    expect(untouched).toEqual({});
  });

  it('sends compile warnings to the logger of the app compiling now', () => {
    const document = spec();
    const earlier = capture();
    const later = capture();
    createSpecAjv(document, { useDefaults: false }, earlier);
    const ajv = createSpecAjv(document, { useDefaults: false }, later);
    compileAt(ajv, '/components/schemas/Odd');
    expect(earlier.warnings).toEqual([]);
    expect(later.warnings.join('\n')).toMatch(/made-up/);
  });
});
