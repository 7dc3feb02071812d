import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readPointer } from '../spec/pointer.ts';
import { componentSchemas, testDocument, testDocuments } from '../testing/spec-fixtures.ts';
import { codePointLength } from './chars.ts';
import { positive, validPositive } from './positive.ts';
import { createSpecValidator } from './spec-ajv.ts';

const seeds = [1, 20261127];

describe('positive', () => {
  it.each(componentSchemas())('%s: %s gives values that validate, across seeds', (docName, _name, pointer) => {
    const doc = testDocument(docName);
    const ctx = { document: doc.document, validator: doc.validator };
    const schema = readPointer(doc.document, pointer);
    for (const seed of seeds) {
      for (const value of fc.sample(validPositive(ctx, pointer, schema), { numRuns: 40, seed })) {
        expect(doc.validator.errors(pointer, value), JSON.stringify(value)).toEqual([]);
      }
      // Generation itself (before the Ajv filter) is nearly always right, so the filter never spins.
      const raw = fc.sample(positive(ctx, schema), { numRuns: 50, seed });
      expect(raw.filter((v) => doc.validator.validate(pointer, v)).length).toBeGreaterThanOrEqual(30);
    }
  });

  const fixture = testDocuments.find((d) => d.name === 'fixture')!;
  const ctx = { document: fixture.document, validator: fixture.validator };

  it('counts string lengths in code points, as Ajv does (astral characters included)', () => {
    const pointer = '#/components/schemas/ItemCreate/properties/name';
    const values = fc.sample(validPositive(ctx, pointer, readPointer(fixture.document, pointer)), { numRuns: 300, seed: 3 }) as string[];
    expect(values.some((v) => v.length !== codePointLength(v))).toBe(true);
    for (const v of values) expect(codePointLength(v)).toBeLessThanOrEqual(12);
    expect(values.every((v) => /^[\p{L}][\p{L}\p{N} ]*$/u.test(v))).toBe(true);
  });

  it('generates emails that ajv-formats accepts and that respect maxLength', () => {
    const pointer = '#/components/schemas/ItemCreate/properties/email';
    const values = fc.sample(positive(ctx, readPointer(fixture.document, pointer)), { numRuns: 100, seed: 9 }) as string[];
    for (const v of values) {
      expect(fixture.validator.format('email', v), v).toBe(true);
      expect(codePointLength(v)).toBeLessThanOrEqual(60);
    }
  });

  it('keeps integers within int32 and the bounds, numbers within exclusive bounds', () => {
    const values = fc.sample(positive(ctx, { type: 'integer', format: 'int32' }), { numRuns: 200, seed: 5 }) as number[];
    expect(values.every((v) => Number.isInteger(v) && v >= -(2 ** 31) && v < 2 ** 31)).toBe(true);
    const prices = fc.sample(positive(ctx, { type: 'number', exclusiveMinimum: 0, maximum: 100 }), { numRuns: 200, seed: 5 }) as number[];
    expect(prices.every((v) => v > 0 && v <= 100)).toBe(true);
    const big = fc.sample(positive(ctx, { type: 'integer', minimum: 1 }), { numRuns: 200, seed: 5 }) as number[];
    expect(big.every((v) => Number.isSafeInteger(v) && v >= 1)).toBe(true);
  });

  it('honours type arrays, uniqueItems, prefixItems, oneOf and if/then', () => {
    const schema = {
      type: 'object',
      required: ['a', 'b', 'c', 'd'],
      properties: {
        a: { type: ['string', 'null'] },
        b: { type: 'array', items: { type: 'integer', minimum: 0, maximum: 3 }, uniqueItems: true, maxItems: 4 },
        c: { type: 'array', prefixItems: [{ const: 'x' }, { type: 'boolean' }], minItems: 2 },
        d: { oneOf: [{ type: 'string', maxLength: 2 }, { type: 'integer', multipleOf: 5 }] },
        e: { type: 'boolean' },
      },
      if: { required: ['e'], properties: { e: { const: true } } },
      then: { required: ['f'] },
    };
    const document = { components: { schemas: { Inline: schema } } };
    const local = { document, validator: createSpecValidator(document) };
    const values = fc.sample(positive(local, schema), { numRuns: 200, seed: 11 });
    const valid = values.filter((v) => local.validator.validate('#/components/schemas/Inline', v));
    expect(valid.length).toBeGreaterThan(140);
    expect(values.some((v) => (v as { e?: boolean }).e === true)).toBe(true);
  });
});
