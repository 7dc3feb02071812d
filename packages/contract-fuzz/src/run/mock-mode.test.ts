import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { authVariants } from '../request/auth.ts';
import { createSpecValidator } from '../schema/spec-ajv.ts';
import { readSpecModel } from '../spec/operations.ts';
import { fixtureSpec } from '../testing/fixture-spec.ts';
import { authVariantsFor, mockReasons, negativeExpectation, shadowedMethods, transportExpectation } from './mock-mode.ts';
import { planUnits } from './units.ts';

/** The fixture with a concrete path beside the templated one, as Camunda has /users/search. */
function specWithSearch(): Record<string, unknown> {
  const spec = structuredClone(fixtureSpec) as unknown as { paths: Record<string, Record<string, unknown>> };
  spec.paths['/items/search'] = {
    post: {
      operationId: 'searchItems',
      requestBody: { required: true, content: { 'application/json': { schema: { $ref: '#/components/schemas/ItemCreate' } } } },
      responses: { '200': { $ref: '#/components/responses/Problem' }, '401': { $ref: '#/components/responses/Unauthorized' } },
    },
  };
  return spec as unknown as Record<string, unknown>;
}

const credentials = { username: 'u', password: 'p' };

describe('mock mode', () => {
  it('sends only credential-less auth variants to a mock, every variant to a server', () => {
    const all = authVariants(credentials);
    expect(authVariantsFor('server', all)).toEqual(all);
    expect(authVariantsFor('mock', all).map((v) => v.description)).toEqual(['no Authorization header']);
  });

  it('expects nothing of a mock for a server rule, and keeps every other expectation', () => {
    expect(transportExpectation('mock', { serverRule: true }, 'invalid')).toBe('lenient');
    expect(transportExpectation('server', { serverRule: true }, 'invalid')).toBe('invalid');
    expect(transportExpectation('mock', {}, 'invalid')).toBe('invalid');
    expect(transportExpectation('mock', {}, 'valid')).toBe('valid');
  });

  it('expects nothing of a mock for a null optional body, and a refusal of every other negative', () => {
    const optional = { body: { required: false, content: [] } };
    const required = { body: { required: true, content: [] } };
    expect(negativeExpectation('mock', optional, { body: null })).toBe('lenient');
    expect(negativeExpectation('server', optional, { body: null })).toBe('invalid');
    expect(negativeExpectation('mock', required, { body: null })).toBe('invalid');
    expect(negativeExpectation('mock', optional, { body: 0 })).toBe('invalid');
    expect(negativeExpectation('mock', optional, { body: { name: 1 } })).toBe('invalid');
  });

  it('finds the methods a templated path takes from a concrete one', () => {
    const model = readSpecModel(specWithSearch());
    const search = model.operations.find((o) => o.operationId === 'searchItems')!;
    expect([...shadowedMethods(model, search, ['get', 'put', 'delete', 'patch'])]).toEqual([
      ['get', ['/items/{id}']],
      ['delete', ['/items/{id}']],
    ]);
    // A templated path is never shadowed by a concrete one: generated ids are not "search".
    const getItem = model.operations.find((o) => o.operationId === 'getItem')!;
    expect(shadowedMethods(model, getItem, ['post', 'put', 'patch']).size).toBe(0);
  });

  it('plans a mock run with each narrowing stated as a reason, and a server run without them', () => {
    const spec = specWithSearch();
    const model = readSpecModel(spec);
    const ctx = { document: spec, validator: createSpecValidator(spec) };
    const plan = (kind: 'server' | 'mock') => planUnits(ctx, model, model.operations, 'http://h', credentials, 400, kind);
    const mock = plan('mock');
    const server = plan('server');
    expect(mock.notApplicable.get('ignored_auth')?.get('createItem')).toBe(mockReasons.ignoredAuth);
    expect(mock.notApplicable.get('negative_data_rejection')?.get('createItem')).toBe(mockReasons.wireRules);
    expect(mock.notApplicable.get('unsupported_method')?.get('searchItems')).toContain('GET/DELETE /items/search is not judged');
    for (const check of ['ignored_auth', 'negative_data_rejection'] as const) expect(server.notApplicable.get(check)?.get('createItem')).toBeUndefined();
    expect(server.notApplicable.get('unsupported_method')?.get('searchItems')).toBeUndefined();

    // What the mock run sends: no wrong credentials, no shadowed method, server rules not expected to be refused.
    const sample = (operationId: string, cls: string) =>
      fc.sample(mock.units.find((u) => u.operation.operationId === operationId && u.class === cls)!.arbitrary, { numRuns: 200, seed: 1 });
    expect(new Set(sample('createItem', 'auth').map((p) => p.generated.description))).toEqual(new Set(['auth: no Authorization header']));
    expect(new Set(sample('searchItems', 'method').map((p) => p.generated.request.method))).toEqual(new Set(['PUT', 'PATCH']));
    const transport = sample('createItem', 'transport');
    const wire = transport.filter((p) => /invalid UTF-8|\\u0000|surrogate|charset=(latin1|utf-16)/.test(p.generated.description));
    expect(wire.length).toBeGreaterThan(0);
    for (const planned of wire) expect(planned.expectation, planned.generated.description).toBe('lenient');
    expect(transport.some((p) => p.expectation === 'invalid' && /raw NUL|Content-Type \(none\)|text\/plain/.test(p.generated.description))).toBe(true);
    // ~0.5 s alone, but it is compiling validators and sampling 600 requests: under `npm test`, with
    // both cores taken by other lanes, it once passed vitest's default 5 s.
  }, 20_000);
});
