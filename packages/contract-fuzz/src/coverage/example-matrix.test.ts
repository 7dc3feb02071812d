import { describe, expect, it } from 'vitest';
import { exampleProblems, formatExampleMatrix, type ExampleRow } from './example-matrix.ts';

const rows: ExampleRow[] = [
  { operationId: 'createPet', status: 201, example: undefined, outcome: 'served' },
  { operationId: 'createPet', status: 400, example: 'badName', outcome: 'WRONG', detail: 'status 422' },
];

describe('example matrix', () => {
  it('names each example the mock did not serve as documented', () => {
    expect(exampleProblems('pets mock', rows)).toEqual(['pets mock: createPet 400 badName: status 422']);
  });

  it('prints a summary and one row per example', () => {
    expect(formatExampleMatrix('pets mock', rows).split('\n')).toEqual([
      'Examples served by pets mock: 1 of 2',
      'operation  status  example    mock',
      'createPet  201     (no body)  served',
      'createPet  400     badName    WRONG: status 422',
    ]);
  });
});
