import { describe, expectTypeOf, it } from 'vitest';
import { createOnezoneClient, isStatus, type components, type OnezoneError } from './index.ts';

const client = createOnezoneClient({ baseUrl: 'http://localhost:8081/api/v3/onezone' });

describe('createOnezoneClient types', () => {
  it('types the error of POST /users as the Onezone Error', async () => {
    const { error } = await client.POST('/users', { body: { username: 'r.lingens', password: 'lS1c6FD2mxB2ff' } });
    // `.branded` compares structurally: openapi-fetch flattens the schema's `{…} & { [key: string]: unknown }`.
    expectTypeOf(error).branded.toEqualTypeOf<OnezoneError | undefined>();
  });

  it('has no body on a 201 from POST /users', async () => {
    const { data } = await client.POST('/users', { body: {} });
    expectTypeOf(data).toEqualTypeOf<undefined>();
  });

  it('types the 200 body of GET /users', async () => {
    const { data } = await client.GET('/users');
    expectTypeOf(data).toEqualTypeOf<{ users: string[] } | undefined>();
  });

  it('types GET /users/{id} as the protected user info', async () => {
    const result = await client.GET('/users/{id}', { params: { path: { id: 'x' } } });
    if (!result.error) expectTypeOf(result.data).toEqualTypeOf<components['schemas']['UserProtectedInfo']>();
  });

  it('types the new token of POST /user/client_tokens', async () => {
    const { data } = await client.POST('/user/client_tokens', { body: {} });
    expectTypeOf(data).toEqualTypeOf<{ token: string } | undefined>();
  });

  it('takes null as the old password of PATCH /user/password', () => {
    void client.PATCH('/user/password', { body: { oldPassword: null, newPassword: 'n3w-Passw0rd-2026' } });
    // @ts-expect-error newPassword is required
    void client.PATCH('/user/password', { body: { oldPassword: null } });
  });

  it('requires the id path parameter', () => {
    // @ts-expect-error params.path.id is required
    void client.GET('/users/{id}');
  });

  it('rejects a body field of the wrong type', () => {
    // @ts-expect-error username is a string
    void client.POST('/users', { body: { username: 1 } });
  });

  it('narrows results by the statuses of the operation', async () => {
    const created = await client.POST('/users', { body: {} });
    if (isStatus(created, 201)) expectTypeOf(created.data).toEqualTypeOf<undefined>();
    if (isStatus(created, 400)) expectTypeOf(created.error).branded.toEqualTypeOf<OnezoneError>();
    const user = await client.GET('/users/{id}', { params: { path: { id: 'x' } } });
    if (isStatus(user, 200)) expectTypeOf(user.data).toEqualTypeOf<components['schemas']['UserProtectedInfo']>();
    // @ts-expect-error get_user declares no 201
    isStatus(user, 201);
  });
});
