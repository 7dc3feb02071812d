import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readPointer } from '../spec/pointer.ts';
import { componentSchemas, testDocument, testDocuments } from '../testing/spec-fixtures.ts';
import { negativeCases } from './negative.ts';

describe('negativeCases', () => {
  it.each(componentSchemas())('%s: %s — each value fails the keyword it claims, where it claims', (docName, _name, pointer) => {
    const doc = testDocument(docName);
    const ctx = { document: doc.document, validator: doc.validator };
    for (const c of negativeCases(ctx, readPointer(doc.document, pointer))) {
      const where = c.path.length === 0 ? '' : `/${c.path.join('/')}`;
      for (const value of fc.sample(c.arbitrary, { numRuns: 8, seed: 5 })) {
        const errors = doc.validator.errors(pointer, value);
        // ajv-formats cannot tell an int64 from a larger integer; such cases are discarded at run time.
        if (errors.length === 0) continue;
        const claimed = errors.filter((e) => e.keyword === c.keyword && (e.instancePath === where || c.keyword === 'required' || c.keyword === 'additionalProperties' || c.keyword === 'if'));
        expect(claimed, `${c.keyword} at ${where}: ${JSON.stringify(value)?.slice(0, 200)} → ${JSON.stringify(errors)}`).not.toEqual([]);
      }
    }
  });

  const fixture = testDocuments.find((d) => d.name === 'fixture')!;
  const ctx = { document: fixture.document, validator: fixture.validator };
  const pointer = '#/components/schemas/ItemCreate';

  it('covers the keywords of the fixture body, each confirmed invalid', () => {
    const cases = negativeCases(ctx, readPointer(fixture.document, pointer));
    const claimed = new Set(cases.map((c) => `${c.keyword}@/${c.path.join('/')}`));
    for (const expected of [
      'type@/',
      'required@/',
      'additionalProperties@/',
      'if@/',
      'minLength@/name',
      'maxLength@/name',
      'pattern@/name',
      'minimum@/count',
      'maximum@/count',
      'format@/count',
      'exclusiveMinimum@/price',
      'enum@/kind',
      'format@/email',
      'maxItems@/tags',
      'minLength@/tags/0',
    ]) {
      expect(claimed).toContain(expected);
    }
    for (const c of cases) {
      const invalid = fc.sample(c.arbitrary, { numRuns: 20, seed: 8 }).filter((v) => !fixture.validator.validate(pointer, v));
      expect(invalid.length, `${c.keyword}@/${c.path.join('/')}`).toBeGreaterThan(0);
    }
  });

  it('violates if/then by meeting the condition and leaving out what then requires', () => {
    const ifCase = negativeCases(ctx, readPointer(fixture.document, pointer)).find((c) => c.keyword === 'if')!;
    const values = fc.sample(ifCase.arbitrary, { numRuns: 30, seed: 2 }) as Array<Record<string, unknown>>;
    const meeting = values.filter((v) => v['gift'] === true);
    expect(meeting.length).toBeGreaterThan(0);
    for (const v of meeting) {
      expect(v).not.toHaveProperty('note');
      expect(fixture.validator.errors(pointer, v).map((e) => e.keyword)).toContain('if');
    }
  });
});
