import { camundaSpec } from '@repo/specs/camunda';
import { onezoneSpec } from '@repo/specs/onezone';
import { describe, expect, it } from 'vitest';
import { scenarios, scenariosFor } from './scenarios.ts';

const names = (list: Array<{ status: number; name: string }>) => list.map(({ status, name }) => `${status} ${name}`);

describe('scenariosFor', () => {
  it('lists every named example of createUser with its status', () => {
    expect(names(scenariosFor(camundaSpec, 'createUser'))).toEqual([
      '202 created',
      '400 missingPassword',
      '400 invalidEmail',
      '401 missingCredentials',
      '401 invalidCredentials',
      '403 permissionDenied',
      '409 duplicateUsername',
      '413 payloadTooLarge',
      '415 unsupportedMediaType',
      '429 tooManySignInFailures',
      '500 internalError',
      '503 databaseUnavailable',
    ]);
  });

  it('builds the Prefer header that selects a scenario in Prism', () => {
    const duplicate = scenarios.camunda.create.find((scenario) => scenario.name === 'duplicateUsername');
    expect(duplicate).toMatchObject({ prefer: 'code=409, example=duplicateUsername', summary: 'Username taken' });
  });

  it('names a bodiless response after its header example and selects it by status alone', () => {
    expect(scenariosFor(onezoneSpec, 'create_user')[0]).toMatchObject({ name: 'rudolfLingens', status: 201, prefer: 'code=201' });
  });

  it('follows $refs to shared responses and examples', () => {
    expect(names(scenarios.onezone.list)).toEqual(
      expect.arrayContaining(['200 userIds', '401 unauthorized', '403 forbidden', '500 internalServerError']),
    );
    expect(names(scenarios.onezone.create)).toEqual(expect.arrayContaining(['400 badValueUsername', '400 badValueIdentifierOccupied']));
  });

  it('throws for an unknown operationId', () => {
    expect(() => scenariosFor(camundaSpec, 'nope')).toThrow(/No operation nope/);
  });
});
