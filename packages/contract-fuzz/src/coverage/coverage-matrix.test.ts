import { describe, expect, it } from 'vitest';
import { coverageMatrix, coverageProblems, formatCoverageMatrix } from './coverage-matrix.ts';
import { documentedStatuses } from './documented-statuses.ts';
import { PETS_SPEC } from './test-fixtures.ts';

const documented = documentedStatuses(PETS_SPEC);
const excuse500 = { api: 'pets', operationId: 'createPet', status: 500, reason: 'needs a broken store' };

function matrixOf(reached: Record<string, number[]>, exceptions = [excuse500], runExcuses?: { status: number; reason: string }[]) {
  return coverageMatrix({
    target: 'pets (sqlite)',
    api: 'pets',
    documented,
    reached: new Map(Object.entries(reached).map(([id, statuses]) => [id, new Set(statuses)])),
    exceptions,
    runExcuses,
    counts: new Map([['createPet', new Map([[201, 7], [400, 3]])]]),
  });
}

describe('coverageMatrix', () => {
  it('passes when every documented pair is reached or excused', () => {
    const matrix = matrixOf({ createPet: [201, 400], getPet: [200, 404] });
    expect(matrix.rows.map((row) => `${row.operationId} ${row.status} ${row.outcome}`)).toEqual([
      'createPet 201 reached',
      'createPet 400 reached',
      'createPet 500 excused',
      'getPet 200 reached',
      'getPet 404 reached',
    ]);
    expect(coverageProblems(matrix)).toEqual([]);
  });

  it('fails on a pair neither reached nor excused', () => {
    expect(coverageProblems(matrixOf({ createPet: [201, 400], getPet: [200] }))).toEqual([
      'pets (sqlite): getPet 404 is documented but was not reached (reach it, or list it with its reason in the exceptions file)',
    ]);
  });

  it('fails on an exception whose pair was reached (stale)', () => {
    const problems = coverageProblems(matrixOf({ createPet: [201, 400, 500], getPet: [200, 404] }));
    expect(problems).toEqual([expect.stringContaining('createPet 500 is listed as unreachable ("needs a broken store") but was reached')]);
  });

  it('fails on an exception that names no documented pair', () => {
    const typo = { ...excuse500, operationId: 'createPets' };
    expect(coverageProblems(matrixOf({ createPet: [201, 400, 500], getPet: [200, 404] }, [typo]))).toEqual([
      'pets (sqlite): the exception pets createPets 500 names no documented (operation, status) pair',
    ]);
  });

  it('ignores the exceptions of other APIs', () => {
    expect(coverageProblems(matrixOf({ createPet: [201, 400], getPet: [200, 404] }, [{ ...excuse500, api: 'other' }]))).toHaveLength(1);
  });

  it('lets a run excuse a status without ever calling it stale', () => {
    const matrix = matrixOf({ createPet: [201, 400, 500], getPet: [200, 404] }, [], [{ status: 500, reason: 'remote target' }]);
    expect(coverageProblems(matrix)).toEqual([]);
    expect(matrix.rows.find((row) => row.status === 500)?.outcome).toBe('reached');
  });

  it('shows statuses seen that the spec does not document', () => {
    const matrix = matrixOf({ createPet: [201, 400, 418], getPet: [200, 404] });
    expect(matrix.rows.filter((row) => row.outcome === 'undocumented').map((row) => row.status)).toEqual([418]);
    expect(coverageProblems(matrix)).toEqual([]);
  });
});

describe('formatCoverageMatrix', () => {
  it('prints a summary and one row per pair with the response count', () => {
    const text = formatCoverageMatrix(matrixOf({ createPet: [201, 400], getPet: [200] }));
    expect(text.split('\n')[0]).toBe('Coverage of pets (sqlite): 3 of 5 documented (operation, status) pairs reached, 1 excused, 1 missing, 0 stale exceptions');
    expect(text).toMatch(/createPet \(POST \/pets\)\s+201\s+7\s+reached/);
    expect(text).toMatch(/createPet \(POST \/pets\)\s+500\s+-\s+excused: needs a broken store/);
    expect(text).toMatch(/getPet \(GET \/pets\/\{id\}\)\s+404\s+-\s+MISSING/);
  });
});
