/**
 * Compile-time proofs on both real specs: handlers get typed input, and answers the spec does not
 * declare do not compile.
 */
import { describe, expectTypeOf, it } from 'vitest';
import type { components as CamundaComponents } from '@repo/specs/camunda';
import type { components as OnezoneComponents } from '@repo/specs/onezone';
import { errorBody } from './fixtures/error-body-errors.ts';
import { camundaApp, onezoneApp, type Admin } from './real-apps.ts';

describe('Camunda', () => {
  const { api } = camundaApp();
  type Schemas = CamundaComponents['schemas'];

  it('types createUser input and its declared answers', () => {
    api.handle('post', '/users', (req) => {
      expectTypeOf(req.body).toEqualTypeOf<Schemas['UserRequest']>();
      expectTypeOf(req.principal).toEqualTypeOf<Admin | undefined>();
      if (req.body.username === 'taken') {
        return { status: 409, body: { type: 'about:blank', title: 'ALREADY_EXISTS', status: 409, detail: 'x' } };
      }
      return { status: 202, body: { userKey: 1 } };
    });
  });

  it('types deleteUser path parameters', () => {
    api.handle('delete', '/users/{userKey}', (req) => {
      expectTypeOf(req.params.userKey).toBeNumber();
      return { status: 204 };
    });
  });

  it('rejects what createUser does not declare', () => {
    // @ts-expect-error -- createUser answers 202, not 201
    api.handle('post', '/users', () => ({ status: 201, body: { userKey: 1 } }));
    // @ts-expect-error -- userKey is an integer
    api.handle('post', '/users', () => ({ status: 202, body: { userKey: 'one' } }));
    // @ts-expect-error -- 404 is not declared for createUser
    api.handle('post', '/users', () => ({ status: 404, body: {} }));
    // @ts-expect-error -- a 401 must carry WWW-Authenticate
    api.handle('post', '/users', () => ({ status: 401, body: { title: 'UNAUTHORIZED' } }));
    // @ts-expect-error -- searchUsers has no GET
    api.handle('get', '/users/search', () => ({ status: 200 }));
  });

  it('types an optional search body', () => {
    api.handle('post', '/users/search', (req) => {
      expectTypeOf(req.body).toEqualTypeOf<Schemas['UserSearchQueryRequest'] | undefined>();
      return { status: 200, body: { items: [], page: { totalItems: 0 } } };
    });
  });
});

describe('Onezone', () => {
  const { api } = onezoneApp();

  it('types create_user input and requires Location on 201', () => {
    api.handle('post', '/users', (req) => {
      expectTypeOf(req.body).toEqualTypeOf<OnezoneComponents['schemas']['UserCreateRequest']>();
      if (req.body.username === 'taken') return { status: 400, body: errorBody('badValueIdentifierOccupied', { key: 'username' }) };
      return { status: 201, headers: { Location: 'https://oz/api/v3/onezone/users/1' } };
    });
    // @ts-expect-error -- 201 requires the Location header
    api.handle('post', '/users', () => ({ status: 201 }));
    // @ts-expect-error -- 201 has no body
    api.handle('post', '/users', () => ({ status: 201, headers: { Location: 'x' }, body: { id: '1' } }));
    // @ts-expect-error -- Onezone answers a taken username with 400, 409 is not declared
    api.handle('post', '/users', () => ({ status: 409, body: errorBody('badValueIdentifierOccupied') }));
  });

  it('types get_user path parameters and its body', () => {
    api.handle('get', '/users/{id}', (req) => {
      expectTypeOf(req.params).toEqualTypeOf<{ id: string }>();
      return {
        status: 200,
        body: {
          userId: req.params.id,
          fullName: 'Unnamed User',
          username: null,
          linkedAccounts: [],
          emails: [],
          basicAuthEnabled: false,
          blocked: false,
          creationTime: 0,
        },
      };
    });
    // @ts-expect-error -- creationTime is required
    api.handle('get', '/users/{id}', (req) => ({ status: 200, body: { userId: req.params.id, fullName: '', username: null, linkedAccounts: [], emails: [], basicAuthEnabled: false, blocked: false } }));
  });
});
