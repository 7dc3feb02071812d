import { describe, expect, it } from 'vitest';
import { readSpecModel } from '../spec/operations.ts';
import { testDocument } from '../testing/spec-fixtures.ts';
import { buildRequest } from './build.ts';
import { expectationOf, transportMutations } from './transport.ts';

const doc = testDocument('fixture');
const ctx = { document: doc.document, validator: doc.validator };
const model = readSpecModel(doc.document);
const create = model.operations.find((o) => o.operationId === 'createItem')!;
const values = { path: {}, query: {}, header: {}, body: { name: 'Zoë', note: 'free text' } };

function mutate(name: string, pick = 0) {
  const mutation = transportMutations(create).find((m) => m.name === name)!;
  const mutated = mutation.apply(values, pick)!;
  const request = buildRequest('http://h', create, mutated.values ?? values, undefined, mutated.options);
  return { mutated, request, expectation: expectationOf(ctx, create, mutated, request.body) };
}

describe('transport mutations', () => {
  it('plants invalid UTF-8 bytes inside a string of an otherwise valid body', () => {
    const { request, expectation } = mutate('invalid UTF-8: lone 0xFF byte', 1);
    expect(Buffer.from(request.body!).includes(Buffer.from([0x74, 0xff, 0x22]))).toBe(true); // "…text\xFF"
    expect(expectation).toBe('invalid');
  });

  it('judges escaped controls and combining marks by the schema: valid in a free string, invalid under a pattern', () => {
    expect(mutate('C0 controls as JSON escapes (\\u0001 \\u001f \\b)', 1).expectation).toBe('valid');
    expect(mutate('C0 controls as JSON escapes (\\u0001 \\u001f \\b)', 0).expectation).toBe('invalid');
    expect(mutate('combining marks (e + U+0301 U+0336)', 1).expectation).toBe('valid');
  });

  it('treats NUL and lone surrogates as must-be-refused, whatever the schema says', () => {
    expect(mutate('U+0000 as JSON escape \\u0000', 1).expectation).toBe('invalid');
    expect(mutate('lone surrogate escape \\ud800', 1).expectation).toBe('invalid');
  });

  it('sends wrong content types and charsets as invalid, UTF-8 charset as valid', () => {
    const xml = mutate('content type application/xml');
    expect(xml.request.headers).toContainEqual(['content-type', 'application/xml']);
    expect(xml.expectation).toBe('invalid');
    const none = mutate('content type none');
    expect(none.request.headers.some(([n]) => n === 'content-type')).toBe(false);
    expect(mutate('charset latin1').expectation).toBe('invalid');
    expect(mutate('charset utf-8').expectation).toBe('valid');
  });

  it('nests 5,000 arrays in an extra property (invalid under additionalProperties: false)', () => {
    const { request, expectation } = mutate('deep nesting');
    expect(Buffer.from(request.body!).toString()).toContain('['.repeat(5000));
    expect(expectation).toBe('invalid');
  });

  it('keeps broken percent-encoding in the path as is', () => {
    const get = model.operations.find((o) => o.operationId === 'getItem')!;
    const mutation = transportMutations(get).find((m) => m.name === 'path %E0%A4%A')!;
    const mutated = mutation.apply({ path: { id: 'abc' }, query: {}, header: {} }, 0)!;
    expect(buildRequest('http://h', get, { path: { id: 'abc' }, query: {}, header: {} }, undefined, mutated.options).url).toBe('http://h/items/%E0%A4%A');
    expect(mutated.expectation).toBe('invalid');
  });
});
