/** The Camunda parity table: one row per operation and documented status, shared by mock and server. */
import { expect } from 'vitest';
import type { CamundaClient } from '@repo/camunda-client';
import type { Arranged, Expected, Scenario, StatefulBehaviour } from './scenario.ts';

export interface CamundaArranged extends Arranged {
  /** A username already taken. */
  taken: string;
  /** A user the delete scenario removes. */
  doomedKey: number;
  /** A user that stays. */
  keptKey: number;
}

type Row = Scenario<CamundaClient, CamundaArranged>;

const problem = (status: number, title: string): Expected => ({ status, contentType: 'application/problem+json', error: title });
const UNKNOWN_KEY = 4_503_599_627_370_495;
const newUser = (username: string) => ({ username, password: `${username}-Passw0rd` });

/** Creates, as the admin, the users the scenarios need. */
export async function arrangeCamunda(admin: CamundaClient): Promise<CamundaArranged> {
  const create = async (username: string) => (await admin.POST('/users', { body: newUser(username) })).data!.userKey;
  await create('parity.plain');
  await create('parity.taken');
  return { plain: newUser('parity.plain'), taken: 'parity.taken', doomedKey: await create('parity.doomed'), keptKey: await create('parity.kept') };
}

/** Rows that differ only in who asks and what fails, for one operation. */
function guarded(operation: string, what: string, send: Row['send']): Row[] {
  return [
    { operation, name: `refuses ${what} without credentials`, as: 'none', mock: 'code=401, example=missingCredentials', send, expect: problem(401, 'UNAUTHORIZED') },
    { operation, name: `refuses ${what} to a user created through the API`, as: 'plain', mock: 'code=403, example=permissionDenied', send, expect: problem(403, 'FORBIDDEN') },
    { operation, name: `answers 500 to ${what} when its store fails`, as: 'admin', mock: 'code=500', storeFault: true, send, expect: problem(500, 'INTERNAL') },
  ];
}

const create: Row['send'] = (client) => client.POST('/users', { body: newUser('parity.guarded') });
const search: Row['send'] = (client) => client.POST('/users/search', { body: {} });
const remove: Row['send'] = (client, { keptKey }) => client.DELETE('/users/{userKey}', { params: { path: { userKey: keptKey } } });
const update: Row['send'] = (client, { keptKey }) => client.PUT('/users/{userKey}', { params: { path: { userKey: keptKey } }, body: { name: 'Kept' } });

export const camundaScenarios: readonly Row[] = [
  { operation: 'createUser', name: 'creates a user', as: 'admin', mock: 'code=202', send: (c) => c.POST('/users', { body: newUser('parity.new') }), expect: { status: 202, contentType: 'application/json' } },
  {
    operation: 'createUser',
    name: 'refuses a body without a password',
    as: 'admin',
    mock: 'code=400, example=missingPassword',
    send: (c) => c.POST('/users', { body: { username: 'parity.nopassword' } as never }),
    expect: problem(400, 'INVALID_ARGUMENT'),
  },
  {
    operation: 'createUser',
    name: 'refuses a wrong password',
    as: 'wrongPassword',
    mock: 'code=401, example=invalidCredentials',
    send: create,
    expect: problem(401, 'UNAUTHORIZED'),
  },
  {
    operation: 'createUser',
    name: 'refuses a taken username',
    as: 'admin',
    mock: 'code=409, example=duplicateUsername',
    send: (c, { taken }) => c.POST('/users', { body: newUser(taken) }),
    expect: problem(409, 'ALREADY_EXISTS'),
  },
  {
    operation: 'createUser',
    name: 'refuses a body over the size limit',
    as: 'admin',
    mock: 'code=413',
    // Valid JSON and a valid user, padded with whitespace past the server's 64 KiB limit.
    send: (c) => c.POST('/users', { body: newUser('parity.big'), bodySerializer: (body) => `{${' '.repeat(70_000)}${JSON.stringify(body).slice(1)}` }),
    expect: problem(413, 'PAYLOAD_TOO_LARGE'),
  },
  {
    operation: 'createUser',
    name: 'refuses a body that is not JSON',
    as: 'admin',
    mock: 'code=415',
    send: (c) =>
      c.POST('/users', { body: newUser('parity.form'), bodySerializer: () => 'username=parity.form', headers: { 'Content-Type': 'application/x-www-form-urlencoded' } }),
    expect: problem(415, 'UNSUPPORTED_MEDIA_TYPE'),
  },
  ...guarded('createUser', 'a create', create),

  {
    operation: 'searchUsers',
    name: 'finds users',
    as: 'admin',
    mock: 'code=200, example=found',
    send: (c, { taken }) => c.POST('/users/search', { body: { filter: { username: taken } } }),
    expect: { status: 200, contentType: 'application/json' },
  },
  {
    operation: 'searchUsers',
    name: 'refuses a page limit over the maximum',
    as: 'admin',
    mock: 'code=400, example=invalidPageLimit',
    send: (c) => c.POST('/users/search', { body: { page: { limit: 5000 } } }),
    expect: problem(400, 'INVALID_ARGUMENT'),
  },
  ...guarded('searchUsers', 'a search', search),

  {
    operation: 'updateUser',
    name: 'updates a user',
    as: 'admin',
    mock: 'code=204',
    send: (c, { keptKey }) => c.PUT('/users/{userKey}', { params: { path: { userKey: keptKey } }, body: { name: 'Jane Q. Doe', email: 'jane.q.doe@example.com' } }),
    expect: { status: 204 },
  },
  {
    operation: 'updateUser',
    name: 'refuses a malformed email',
    as: 'admin',
    mock: 'code=400, example=invalidEmail',
    send: (c, { keptKey }) => c.PUT('/users/{userKey}', { params: { path: { userKey: keptKey } }, body: { email: 'jane.q.doe.example.com' } }),
    expect: problem(400, 'INVALID_ARGUMENT'),
  },
  {
    operation: 'updateUser',
    name: 'answers 404 to an unknown key',
    as: 'admin',
    mock: 'code=404, example=unknownUserKey',
    send: (c) => c.PUT('/users/{userKey}', { params: { path: { userKey: UNKNOWN_KEY } }, body: { name: 'x' } }),
    expect: problem(404, 'NOT_FOUND'),
  },
  ...guarded('updateUser', 'an update', update),

  {
    operation: 'deleteUser',
    name: 'deletes a user',
    as: 'admin',
    mock: 'code=204',
    send: (c, { doomedKey }) => c.DELETE('/users/{userKey}', { params: { path: { userKey: doomedKey } } }),
    expect: { status: 204 },
  },
  {
    operation: 'deleteUser',
    name: 'refuses a key that is not a number',
    as: 'admin',
    mock: 'code=400, example=invalidUserKey',
    send: (c) => c.DELETE('/users/{userKey}', { params: { path: { userKey: 'jdoe' as never } } }),
    expect: problem(400, 'INVALID_ARGUMENT'),
  },
  {
    operation: 'deleteUser',
    name: 'answers 404 to an unknown key',
    as: 'admin',
    mock: 'code=404, example=unknownUserKey',
    send: (c) => c.DELETE('/users/{userKey}', { params: { path: { userKey: UNKNOWN_KEY } } }),
    expect: problem(404, 'NOT_FOUND'),
  },
  ...guarded('deleteUser', 'a delete', remove),
];

export const camundaStateful: readonly StatefulBehaviour<CamundaClient, CamundaArranged>[] = [
  {
    operation: 'createUser',
    name: 'finds a created user with searchUsers',
    async check(as) {
      const { data: created } = await as('admin').POST('/users', { body: newUser('parity.found') });
      const { data } = await as('admin').POST('/users/search', { body: { filter: { username: 'parity.found' } } });
      expect(data!.items).toEqual([{ key: created!.userKey, username: 'parity.found' }]);
    },
  },
  {
    operation: 'createUser',
    name: 'detects a taken username by itself',
    async check(as) {
      expect((await as('admin').POST('/users', { body: newUser('parity.twice') })).response.status).toBe(202);
      expect((await as('admin').POST('/users', { body: newUser('parity.twice') })).response.status).toBe(409);
    },
  },
  {
    operation: 'updateUser',
    name: 'shows an update in searchUsers',
    async check(as) {
      const { data: created } = await as('admin').POST('/users', { body: newUser('parity.renamed') });
      const path = { userKey: created!.userKey };
      expect((await as('admin').PUT('/users/{userKey}', { params: { path }, body: { name: 'Renamed' } })).response.status).toBe(204);
      const { data } = await as('admin').POST('/users/search', { body: { filter: { username: 'parity.renamed' } } });
      expect(data!.items).toEqual([{ key: created!.userKey, username: 'parity.renamed', name: 'Renamed' }]);
    },
  },
  {
    operation: 'deleteUser',
    name: 'answers 404 to a second delete of the same key',
    async check(as) {
      const { data } = await as('admin').POST('/users', { body: newUser('parity.once') });
      const path = { userKey: data!.userKey };
      expect((await as('admin').DELETE('/users/{userKey}', { params: { path } })).response.status).toBe(204);
      expect((await as('admin').DELETE('/users/{userKey}', { params: { path } })).response.status).toBe(404);
    },
  },
];
