import { describe, expect, it } from 'vitest';
import { parseCoverageExceptions } from './coverage-exceptions.ts';

describe('parseCoverageExceptions', () => {
  it('reads a list of api, operationId, status and reason', () => {
    const text = '- api: pets\n  operationId: createPet\n  status: 500\n  reason: needs a broken store\n';
    expect(parseCoverageExceptions(text)).toEqual([{ api: 'pets', operationId: 'createPet', status: 500, reason: 'needs a broken store' }]);
  });

  it('reads an empty file as no exceptions', () => {
    expect(parseCoverageExceptions('# nothing is excused\n')).toEqual([]);
  });

  it('refuses an entry without a reason', () => {
    expect(() => parseCoverageExceptions('- { api: pets, operationId: createPet, status: 500, reason: " " }', 'x.yaml')).toThrow(
      'x.yaml, entry 1: reason must say why the pair cannot be reached',
    );
  });

  it('refuses a status that is not a number', () => {
    expect(() => parseCoverageExceptions('- { api: pets, operationId: createPet, status: "5XX", reason: r }')).toThrow('status must be an HTTP status code');
  });

  it('refuses unknown keys, so a misspelt field is not silently ignored', () => {
    expect(() => parseCoverageExceptions('- { api: pets, operationId: createPet, status: 500, reason: r, stauts: 1 }')).toThrow('unknown keys stauts');
  });

  it('refuses a pair listed twice', () => {
    const entry = '- { api: pets, operationId: createPet, status: 500, reason: r }\n';
    expect(() => parseCoverageExceptions(entry + entry)).toThrow('entry 2: pets createPet 500 is listed twice');
  });
});
