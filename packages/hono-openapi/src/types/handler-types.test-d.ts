/**
 * Compile-time proofs on the fixture spec: what handlers receive, and that every response the
 * spec does not declare is a type error.
 */
import { describe, expectTypeOf, it } from 'vitest';
import type { HandlerResponse, NoParameters, PathsWithMethod } from './handler-types.ts';
import type { FixturePaths, TestUser } from '../../test/fixture-app.ts';
import { fixtureApp } from '../../test/fixture-app.ts';
import type { components, operations } from '../../test/fixtures/fixture.ts';

const { api } = fixtureApp();
type Schemas = components['schemas'];

describe('handler input', () => {
  it('lists the paths that declare a method', () => {
    expectTypeOf<PathsWithMethod<FixturePaths, 'get'>>().toEqualTypeOf<'/users' | '/users/{userKey}' | '/health'>();
    expectTypeOf<PathsWithMethod<FixturePaths, 'patch'>>().toBeNever();
  });

  it('types the body, params, query, headers and principal from the spec', () => {
    api.handle('post', '/users', (req) => {
      expectTypeOf(req.body).toEqualTypeOf<Schemas['UserRequest']>();
      expectTypeOf(req.params).toEqualTypeOf<NoParameters>();
      expectTypeOf(req.principal).toEqualTypeOf<TestUser | undefined>();
      expectTypeOf(req.requestId).toBeString();
      return { status: 202, body: { userKey: 1 } };
    });
    api.handle('get', '/users/{userKey}', (req) => {
      expectTypeOf(req.params).toEqualTypeOf<{ userKey: number }>();
      expectTypeOf(req.body).toBeUndefined();
      return { status: 200, body: { key: req.params.userKey, username: 'u' } };
    });
    api.handle('get', '/users', (req) => {
      expectTypeOf(req.query).toEqualTypeOf<{ limit?: number; tag?: string[]; active?: boolean }>();
      expectTypeOf(req.headers).toEqualTypeOf<{ 'X-Tenant-Id': string }>();
      return { status: 200, contentType: 'text/csv', body: '' };
    });
    api.handle('post', '/users/search', (req) => {
      expectTypeOf(req.body).toEqualTypeOf<Schemas['UserSearchRequest'] | undefined>();
      return { status: 200, body: { items: [] } };
    });
    api.handle('put', '/notes', (req) => {
      expectTypeOf(req.body).toBeString();
      return { status: 204 };
    });
  });

  it('accepts only method/path pairs the spec declares', () => {
    // @ts-expect-error -- /users/search has no GET
    api.handle('get', '/users/search', () => ({ status: 200 }));
    // @ts-expect-error -- not a path of the spec
    api.handle('post', '/groups', () => ({ status: 200 }));
  });
});

describe('handler responses', () => {
  type CreateUser = HandlerResponse<operations['createUser']>;

  it('accepts every declared response', () => {
    expectTypeOf<{ status: 202; body: { userKey: number } }>().toExtend<CreateUser>();
    expectTypeOf<{ status: 201; headers: { Location: string } }>().toExtend<CreateUser>();
    expectTypeOf<{ status: 201; headers: { Location: string; 'X-Trace': string; 'X-Other': number } }>().toExtend<CreateUser>();
    expectTypeOf<{ status: 400; body: Schemas['ProblemDetail'] }>().toExtend<CreateUser>();
    expectTypeOf<{ status: 403; contentType: 'application/problem+json'; body: { type: 'about:blank' } }>().toExtend<CreateUser>();
  });

  it('rejects an undeclared status', () => {
    // @ts-expect-error -- createUser declares no 200
    api.handle('post', '/users', () => ({ status: 200, body: { userKey: 1 } }));
    // @ts-expect-error -- nor 500
    api.handle('post', '/users', () => ({ status: 500, body: { type: 'about:blank' } }));
    expectTypeOf<{ status: 409; body: { type: string } }>().not.toExtend<CreateUser>();
  });

  it('rejects a body of the wrong shape', () => {
    // @ts-expect-error -- userKey must be a number
    api.handle('post', '/users', () => ({ status: 202, body: { userKey: '1' } }));
    // @ts-expect-error -- userKey is required
    api.handle('post', '/users', () => ({ status: 202, body: {} }));
    // @ts-expect-error -- a wrong type in an async handler too
    api.handle('post', '/users', async () => ({ status: 202, body: { userKey: null } }));
    // Not an error: TypeScript does not check excess properties of an inferred return type. Response
    // validation catches them at run time where the schema says `additionalProperties: false`.
    api.handle('post', '/users', async () => ({ status: 202, body: { userKey: 1, extra: true } }));
    // @ts-expect-error -- 202 declares a body
    api.handle('post', '/users', () => ({ status: 202 }));
  });

  it('rejects a missing required header', () => {
    // @ts-expect-error -- 201 requires Location
    api.handle('post', '/users', () => ({ status: 201 }));
    // @ts-expect-error -- 201 requires Location
    api.handle('post', '/users', () => ({ status: 201, headers: { 'X-Trace': 'a' } }));
  });

  it('rejects a body where the response has none', () => {
    // @ts-expect-error -- 204 has no content
    api.handle('delete', '/users/{userKey}', () => ({ status: 204, body: {} }));
    api.handle('delete', '/users/{userKey}', () => ({ status: 204 }));
  });

  it('requires contentType when a status has several media types, and only declared ones', () => {
    // @ts-expect-error -- 200 of listUsers is JSON or CSV: say which
    api.handle('get', '/users', () => ({ status: 200, body: { items: [] } }));
    // @ts-expect-error -- text/html is not declared
    api.handle('get', '/users', () => ({ status: 200, contentType: 'text/html', body: '<p/>' }));
    // @ts-expect-error -- the CSV variant takes a string
    api.handle('get', '/users', () => ({ status: 200, contentType: 'text/csv', body: { items: [] } }));
  });

  it('expands 4XX and default into the statuses not declared explicitly', () => {
    type ListUsers = HandlerResponse<operations['listUsers']>;
    expectTypeOf<{ status: 404; body: { type: string } }>().toExtend<ListUsers>();
    expectTypeOf<{ status: 500; body: { type: string } }>().not.toExtend<ListUsers>();
    type CreateToken = HandlerResponse<operations['createToken']>;
    expectTypeOf<{ status: 503; body: { type: string } }>().toExtend<CreateToken>();
    // 200 is declared explicitly, so `default` does not cover it with a problem body.
    expectTypeOf<{ status: 200; body: { type: string } }>().not.toExtend<CreateToken>();
  });
});
