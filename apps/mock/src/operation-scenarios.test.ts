import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { MOCKED_APIS } from './apis.ts';
import type { SpecDocument } from './mount-bundle.ts';
import { operationScenarios } from './scenarios.ts';

const camunda = operationScenarios(JSON.parse(readFileSync(MOCKED_APIS[0]!.bundlePath, 'utf8')) as SpecDocument);
const operation = (id: string) => camunda.find((candidate) => candidate.operationId === id)!;

describe('operationScenarios', () => {
  it('lists the operations in document order', () => {
    expect(camunda.map((candidate) => `${candidate.method} ${candidate.path}`)).toEqual([
      'POST /users',
      'POST /users/search',
      'PUT /users/{userKey}',
      'DELETE /users/{userKey}',
    ]);
  });

  it('marks the first example of the lowest 2xx response as the default', () => {
    const defaults = operation('searchUsers').scenarios.filter((scenario) => scenario.isDefault);
    expect(defaults.map((scenario) => scenario.example)).toEqual(['found']);
  });

  it('gives each named example the Prefer value that selects it', () => {
    const duplicate = operation('createUser').scenarios.find((scenario) => scenario.example === 'duplicateUsername');
    expect(duplicate).toMatchObject({ status: 409, prefer: 'code=409, example=duplicateUsername', mediaType: 'application/problem+json' });
  });

  it('follows $refs to shared responses and their headers', () => {
    const unauthorized = operation('deleteUser').scenarios.filter((scenario) => scenario.status === 401);
    expect(unauthorized.map((scenario) => scenario.example)).toEqual(['missingCredentials', 'invalidCredentials']);
    expect(unauthorized[0]?.headers).toEqual({ 'WWW-Authenticate': 'Basic realm="camunda"' });
  });

  it('has a scenario without body for a response without examples', () => {
    expect(operation('deleteUser').scenarios[0]).toMatchObject({ status: 204, example: undefined, prefer: 'code=204', isDefault: true });
  });

  it('builds a valid request from the examples', () => {
    expect(operation('deleteUser').request).toEqual({ path: '/users/2251799813685249', body: undefined, mediaType: undefined });
    expect(operation('createUser').request).toEqual({
      path: '/users',
      body: { username: 'jdoe', password: 's3cr3t-Passw0rd' },
      mediaType: 'application/json',
    });
  });
});
