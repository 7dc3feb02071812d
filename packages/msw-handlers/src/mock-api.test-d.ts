import { setupWorker } from 'msw/browser';
import { setupServer } from 'msw/node';
import { describe, expectTypeOf, it } from 'vitest';
import { camunda } from './camunda.ts';
import { onezone } from './onezone.ts';

describe('typed handlers', () => {
  it('checks operationIds and statuses of scenarios', () => {
    camunda.handler('createUser', 'code=409, example=duplicateUsername');
    camunda.handler('deleteUser', '204');
    onezone.handlers({ scenarios: { list_users: 'code=403', get_user: 'example=withoutUsername' } });
    // @ts-expect-error createUser declares no 418
    camunda.handler('createUser', 'code=418');
    // @ts-expect-error no such operation
    camunda.handler('createUsers', 'code=202');
    // @ts-expect-error the Onezone operation is create_user
    onezone.handlers({ scenarios: { createUser: '201' } });
  });

  it('types hand-written handlers by the spec', () => {
    camunda.http().post('/users', ({ response }) => response(202).json({ userKey: 1 }));
    // @ts-expect-error userKey is a number
    camunda.http().post('/users', ({ response }) => response(202).json({ userKey: 'one' }));
    // @ts-expect-error Camunda has no GET /users
    camunda.http().get('/users', ({ response }) => response.untyped(new Response()));
    onezone.http().delete('/users/{id}', ({ params, response }) => {
      expectTypeOf(params.id).toEqualTypeOf<string>();
      return response(204).empty();
    });
  });
});

describe('with setupServer and setupWorker', () => {
  it('gives handlers both accept', () => {
    expectTypeOf(setupServer).toBeCallableWith(...camunda.handlers(), ...onezone.handlers());
    expectTypeOf(setupWorker).toBeCallableWith(camunda.handler('searchUsers', 'code=200, example=noMatch'), ...onezone.exampleHandlers().map((entry) => entry.handler));
  });
});
