import { describe, expect, it } from 'vitest';
import { documentedStatuses } from './documented-statuses.ts';
import { PETS_SPEC } from './test-fixtures.ts';

describe('documentedStatuses', () => {
  it('lists every operation with its explicit statuses, following $refs to shared responses', () => {
    expect(documentedStatuses(PETS_SPEC)).toEqual([
      { operationId: 'createPet', method: 'POST', path: '/pets', statuses: [201, 400, 500] },
      { operationId: 'getPet', method: 'GET', path: '/pets/{id}', statuses: [200, 404] },
    ]);
  });

  it('leaves out default and range responses, which are no single status', () => {
    const spec = { paths: { '/x': { get: { operationId: 'x', responses: { '200': {}, '4XX': {}, default: {} } } } } };
    expect(documentedStatuses(spec)[0]?.statuses).toEqual([200]);
  });
});
