import { describe, expectTypeOf, it } from 'vitest';
import { createCamundaClient, isStatus, searchUsersItems, type CamundaProblem, type components } from './index.ts';

const client = createCamundaClient({ baseUrl: 'http://localhost:8080/v2' });

describe('createCamundaClient types', () => {
  it('types the 202 body of POST /users as data', async () => {
    const { data } = await client.POST('/users', { body: { username: 'jdoe', password: 'x' } });
    expectTypeOf(data).toEqualTypeOf<{ userKey: number } | undefined>();
  });

  it('types the error of POST /users as a problem', async () => {
    const { error } = await client.POST('/users', { body: { username: 'jdoe', password: 'x' } });
    // `.branded` compares structurally: openapi-fetch flattens the schema's `{…} & { [key: string]: unknown }`.
    expectTypeOf(error).branded.toEqualTypeOf<CamundaProblem | undefined>();
  });

  it('narrows data once error is ruled out', async () => {
    const result = await client.POST('/users/search', { body: {} });
    if (!result.error) expectTypeOf(result.data).toEqualTypeOf<components['schemas']['UserSearchQueryResponse']>();
  });

  it('requires username and password in the body', () => {
    // @ts-expect-error password is required
    void client.POST('/users', { body: { username: 'jdoe' } });
  });

  it('rejects paths the API does not have', () => {
    // @ts-expect-error no such path
    void client.GET('/users');
  });

  it('types the userKey path parameter as a number', () => {
    void client.DELETE('/users/{userKey}', { params: { path: { userKey: 1 } } });
    // @ts-expect-error userKey is a number
    void client.DELETE('/users/{userKey}', { params: { path: { userKey: 'x' } } });
  });
});

describe('isStatus on Camunda results', () => {
  it('narrows by the statuses of the operation', async () => {
    const result = await client.POST('/users', { body: { username: 'jdoe', password: 'x' } });
    if (isStatus(result, 202)) expectTypeOf(result.data).toEqualTypeOf<{ userKey: number }>();
    if (isStatus(result, 409)) expectTypeOf(result.error).branded.toEqualTypeOf<CamundaProblem>();
    const deleted = await client.DELETE('/users/{userKey}', { params: { path: { userKey: 1 } } });
    if (isStatus(deleted, 404)) expectTypeOf(deleted.error).branded.toEqualTypeOf<CamundaProblem>();
    // @ts-expect-error deleteUser declares no 409
    isStatus(deleted, 409);
  });

  it('types the items of a search iteration', async () => {
    for await (const user of searchUsersItems(client)) expectTypeOf(user).toEqualTypeOf<components['schemas']['UserResult']>();
  });
});
