/** The Onezone parity table: one row per operation and documented status, shared by mock and server. */
import { expect } from 'vitest';
import { basicAuthorization, createdUserId, type OnezoneClient } from '@repo/onezone-client';
import type { Credentials } from '../support/admin.ts';
import type { Arranged, Expected, Scenario, StatefulBehaviour } from './scenario.ts';

export interface OnezoneArranged extends Arranged {
  /** A username already taken. */
  taken: string;
  /** A user the remove scenario removes. */
  doomedId: string;
  /** A user that stays. */
  keptId: string;
  /** A user the admin scenarios block and whose basic auth they change. */
  targetId: string;
  /** Users who act on their own account (rename, change password, remove themselves), each once. */
  renamer: Credentials;
  passwordChanger: Credentials;
  selfRemover: Credentials;
  /** Client tokens of the plain user: one to sign in with, one the remove scenario removes. */
  plainToken: string;
  doomedToken: string;
}

type Row = Scenario<OnezoneClient, OnezoneArranged>;

const error = (status: number, id: string): Expected => ({ status, contentType: 'application/json', error: id });
const UNKNOWN_ID = 'no-such-user-0000';
const newUser = (username: string) => ({ username, password: `${username}-Passw0rd`, fullName: 'Parity User' });

/** Creates, as the admin, the users the scenarios need. */
export async function arrangeOnezone(admin: OnezoneClient): Promise<OnezoneArranged> {
  const create = async (username: string) => createdUserId(await admin.POST('/users', { body: newUser(username) }));
  await create('parity.plain');
  await create('parity.taken');
  const plain = newUser('parity.plain');
  const token = async () => (await admin.POST('/user/client_tokens', { body: {}, headers: { Authorization: basicAuthorization(plain) } })).data!.token;
  const self = async (username: string) => (await create(username), newUser(username));
  return {
    plain,
    taken: 'parity.taken',
    doomedId: await create('parity.doomed'),
    keptId: await create('parity.kept'),
    targetId: await create('parity.target'),
    renamer: await self('parity.renamer'),
    passwordChanger: await self('parity.pwchanger'),
    selfRemover: await self('parity.selfremover'),
    plainToken: await token(),
    doomedToken: await token(),
  };
}

/** Per-call credentials of a user the identities do not cover: a header set on the call wins over the client's. */
const signedInAs = (credentials: Credentials) => ({ Authorization: basicAuthorization(credentials) });

/** The rows every operation has: no credentials, no privilege, a failing store; and the statuses the server never gives. */
function common(operation: string, what: string, send: Row['send'], serverCannot: Partial<Record<400 | 403 | 404, string>> = {}): Row[] {
  const rows: Row[] = [
    { operation, name: `refuses ${what} without credentials`, as: 'none', mock: 'code=401, example=missingCredentials', send, expect: error(401, 'unauthorized') },
    { operation, name: `answers 500 to ${what} when its store fails`, as: 'admin', mock: 'code=500', storeFault: true, send, expect: error(500, 'internalServerError') },
  ];
  if (!serverCannot[403]) {
    rows.push({ operation, name: `refuses ${what} to a user created through the API`, as: 'plain', mock: 'code=403', send, expect: error(403, 'forbidden') });
  }
  const ids = { 400: 'malformedData', 403: 'forbidden', 404: 'notFound' } as const;
  for (const [status, reason] of Object.entries(serverCannot)) {
    const id = ids[Number(status) as 400 | 403 | 404];
    rows.push({ operation, name: `shows the documented ${status} ${id} of ${what}`, as: 'admin', mock: `code=${status}`, send, expect: error(Number(status), id), serverCannot: reason });
  }
  return rows;
}

const NO_INPUT = 'the operation takes no body or query to be malformed';
const SELF = { 403: 'every authenticated user may act on its own account', 404: 'an authenticated caller always exists' } as const;
const PATH_ID = 'an id that breaks its schema (empty) routes elsewhere; any other unknown id is 404 notFound';

export const onezoneScenarios: readonly Row[] = [
  { operation: 'create_user', name: 'creates a user', as: 'admin', mock: 'code=201', send: (c) => c.POST('/users', { body: newUser('parity.new') }), expect: { status: 201 } },
  {
    operation: 'create_user',
    name: 'refuses a bad username',
    as: 'admin',
    mock: 'code=400, example=badValueUsername',
    send: (c) => c.POST('/users', { body: newUser('-parity') }),
    expect: error(400, 'badValueUsername'),
  },
  {
    operation: 'create_user',
    name: 'refuses a taken username',
    as: 'admin',
    mock: 'code=400, example=badValueIdentifierOccupied',
    send: (c, { taken }) => c.POST('/users', { body: newUser(taken) }),
    expect: error(400, 'badValueIdentifierOccupied'),
  },
  {
    operation: 'create_user',
    name: 'refuses a wrong password',
    as: 'wrongPassword',
    mock: 'code=401, example=unauthorized',
    send: (c) => c.POST('/users', { body: {} }),
    expect: error(401, 'unauthorized'),
  },
  ...common('create_user', 'a create', (c) => c.POST('/users', { body: {} }), { 404: 'no resource is looked up by POST /users' }),

  { operation: 'list_users', name: 'lists users', as: 'admin', mock: 'code=200', send: (c) => c.GET('/users'), expect: { status: 200, contentType: 'application/json' } },
  ...common('list_users', 'a list', (c) => c.GET('/users'), { 400: NO_INPUT, 404: 'the user collection always exists' }),

  {
    operation: 'get_user',
    name: 'shows a user',
    as: 'admin',
    mock: 'code=200, example=rudolfLingens',
    send: (c, { keptId }) => c.GET('/users/{id}', { params: { path: { id: keptId } } }),
    expect: { status: 200, contentType: 'application/json' },
  },
  {
    operation: 'get_user',
    name: 'answers 404 to an unknown id',
    as: 'admin',
    mock: 'code=404',
    send: (c) => c.GET('/users/{id}', { params: { path: { id: UNKNOWN_ID } } }),
    expect: error(404, 'notFound'),
  },
  ...common('get_user', 'a get', (c, { keptId }) => c.GET('/users/{id}', { params: { path: { id: keptId } } }), { 400: PATH_ID }),

  {
    operation: 'remove_user',
    name: 'removes a user',
    as: 'admin',
    mock: 'code=204',
    send: (c, { doomedId }) => c.DELETE('/users/{id}', { params: { path: { id: doomedId } } }),
    expect: { status: 204 },
  },
  {
    operation: 'remove_user',
    name: 'answers 404 to an unknown id',
    as: 'admin',
    mock: 'code=404',
    send: (c) => c.DELETE('/users/{id}', { params: { path: { id: UNKNOWN_ID } } }),
    expect: error(404, 'notFound'),
  },
  ...common('remove_user', 'a remove', (c, { keptId }) => c.DELETE('/users/{id}', { params: { path: { id: keptId } } }), { 400: PATH_ID }),

  { operation: 'get_current_user', name: 'shows the caller', as: 'plain', mock: 'code=200', send: (c) => c.GET('/user'), expect: { status: 200, contentType: 'application/json' } },
  ...common('get_current_user', 'a get of the caller', (c) => c.GET('/user'), {
    400: NO_INPUT,
    403: 'every authenticated user may read itself',
    404: 'an authenticated caller always exists',
  }),
  {
    operation: 'get_current_user',
    name: 'signs in with a client token in X-Auth-Token',
    as: 'none',
    mock: 'code=200',
    send: (c, { plainToken }) => c.GET('/user', { headers: { 'X-Auth-Token': plainToken } }),
    expect: { status: 200, contentType: 'application/json' },
  },
  {
    operation: 'get_current_user',
    name: 'refuses an unknown client token',
    as: 'none',
    mock: 'code=401, example=badToken',
    send: (c) => c.GET('/user', { headers: { Authorization: 'Bearer oz1.unknown-parity-token' } }),
    expect: error(401, 'unauthorized'),
  },

  {
    operation: 'modify_current_user',
    name: 'renames the caller',
    as: 'admin',
    mock: 'code=204',
    send: (c, { renamer }) => c.PATCH('/user', { body: { fullName: 'Renamed Parity User' }, headers: signedInAs(renamer) }),
    expect: { status: 204 },
  },
  {
    operation: 'modify_current_user',
    name: 'refuses a taken username',
    as: 'plain',
    mock: 'code=400, example=badValueIdentifierOccupied',
    send: (c, { taken }) => c.PATCH('/user', { body: { username: taken } }),
    expect: error(400, 'badValueIdentifierOccupied'),
  },
  ...common('modify_current_user', 'a modification of the caller', (c) => c.PATCH('/user', { body: {} }), SELF),

  {
    operation: 'change_user_password',
    name: "changes the caller's password",
    as: 'admin',
    mock: 'code=204',
    send: (c, { passwordChanger }) =>
      c.PATCH('/user/password', { body: { oldPassword: passwordChanger.password, newPassword: 'parity-N3w-Passw0rd' }, headers: signedInAs(passwordChanger) }),
    expect: { status: 204 },
  },
  {
    operation: 'change_user_password',
    name: 'refuses a wrong old password',
    as: 'plain',
    mock: 'code=401, example=wrongOldPassword',
    send: (c) => c.PATCH('/user/password', { body: { oldPassword: 'not-the-Passw0rd', newPassword: 'parity-N3w-Passw0rd' } }),
    expect: error(401, 'unauthorized'),
  },
  {
    operation: 'change_user_password',
    name: 'refuses a short new password',
    as: 'plain',
    mock: 'code=400, example=badValuePassword',
    send: (c, { plain }) => c.PATCH('/user/password', { body: { oldPassword: plain.password, newPassword: 'short' } }),
    expect: error(400, 'badValuePassword'),
  },
  ...common('change_user_password', 'a password change', (c) => c.PATCH('/user/password', { body: { oldPassword: null, newPassword: 'parity-N3w-Passw0rd' } }), SELF),

  {
    operation: 'change_user_basic_auth_settings',
    name: "disables a user's basic auth",
    as: 'admin',
    mock: 'code=204',
    send: (c, { targetId }) => c.PATCH('/users/{id}/basic_auth', { params: { path: { id: targetId } }, body: { basicAuthEnabled: false } }),
    expect: { status: 204 },
  },
  {
    operation: 'change_user_basic_auth_settings',
    name: 'refuses a non-boolean basicAuthEnabled',
    as: 'admin',
    mock: 'code=400, example=badValueBoolean',
    send: (c, { targetId }) => c.PATCH('/users/{id}/basic_auth', { params: { path: { id: targetId } }, body: { basicAuthEnabled: 'no' as never } }),
    expect: error(400, 'badValueBoolean'),
  },
  {
    operation: 'change_user_basic_auth_settings',
    name: 'answers 404 to an unknown id',
    as: 'admin',
    mock: 'code=404',
    send: (c) => c.PATCH('/users/{id}/basic_auth', { params: { path: { id: UNKNOWN_ID } }, body: {} }),
    expect: error(404, 'notFound'),
  },
  ...common('change_user_basic_auth_settings', 'a basic auth change', (c, { targetId }) =>
    c.PATCH('/users/{id}/basic_auth', { params: { path: { id: targetId } }, body: {} }),
  ),

  {
    operation: 'toggle_user_access_block',
    name: 'blocks a user',
    as: 'admin',
    mock: 'code=204',
    send: (c, { targetId }) => c.PATCH('/users/{id}/access_block', { params: { path: { id: targetId } }, body: { blocked: true } }),
    expect: { status: 204 },
  },
  {
    operation: 'toggle_user_access_block',
    name: 'refuses a body without blocked',
    as: 'admin',
    mock: 'code=400, example=missingRequiredValue',
    send: (c, { targetId }) => c.PATCH('/users/{id}/access_block', { params: { path: { id: targetId } }, body: {} as never }),
    expect: error(400, 'missingRequiredValue'),
  },
  {
    operation: 'toggle_user_access_block',
    name: 'answers 404 to an unknown id',
    as: 'admin',
    mock: 'code=404',
    send: (c) => c.PATCH('/users/{id}/access_block', { params: { path: { id: UNKNOWN_ID } }, body: { blocked: true } }),
    expect: error(404, 'notFound'),
  },
  ...common('toggle_user_access_block', 'a block', (c, { targetId }) =>
    c.PATCH('/users/{id}/access_block', { params: { path: { id: targetId } }, body: { blocked: false } }),
  ),

  {
    operation: 'create_client_token',
    name: 'creates a client token',
    as: 'plain',
    mock: 'code=200',
    send: (c) => c.POST('/user/client_tokens', { body: {} }),
    expect: { status: 200, contentType: 'application/json' },
  },
  {
    operation: 'create_client_token',
    name: 'refuses a body that is not an object',
    as: 'plain',
    mock: 'code=400',
    send: (c) => c.POST('/user/client_tokens', { body: [] as never }),
    expect: error(400, 'malformedData'),
  },
  ...common('create_client_token', 'a token creation', (c) => c.POST('/user/client_tokens', { body: {} }), SELF),

  {
    operation: 'list_client_tokens',
    name: "lists the caller's client tokens",
    as: 'plain',
    mock: 'code=200',
    send: (c) => c.GET('/user/client_tokens'),
    expect: { status: 200, contentType: 'application/json' },
  },
  ...common('list_client_tokens', 'a token list', (c) => c.GET('/user/client_tokens'), { 400: NO_INPUT, ...SELF }),

  {
    operation: 'remove_client_token',
    name: 'removes a client token',
    as: 'plain',
    mock: 'code=204',
    send: (c, { doomedToken }) => c.DELETE('/user/client_tokens/{tid}', { params: { path: { tid: doomedToken } } }),
    expect: { status: 204 },
  },
  {
    operation: 'remove_client_token',
    name: 'answers 404 to a token that is not the caller\'s',
    as: 'plain',
    mock: 'code=404',
    send: (c) => c.DELETE('/user/client_tokens/{tid}', { params: { path: { tid: 'oz1.unknown-parity-token' } } }),
    expect: error(404, 'notFound'),
  },
  ...common('remove_client_token', 'a token removal', (c) => c.DELETE('/user/client_tokens/{tid}', { params: { path: { tid: 'oz1.unknown-parity-token' } } }), {
    400: PATH_ID.replace('an id', 'a token'),
    403: SELF[403],
  }),

  {
    operation: 'remove_current_user',
    name: 'removes the caller',
    as: 'admin',
    mock: 'code=204',
    send: (c, { selfRemover }) => c.DELETE('/user', { headers: signedInAs(selfRemover) }),
    expect: { status: 204 },
  },
  // As the admin only with a failing store, which refuses before anything is removed.
  ...common('remove_current_user', 'a removal of the caller', (c) => c.DELETE('/user'), {
    400: NO_INPUT,
    ...SELF,
  }),
];

export const onezoneStateful: readonly StatefulBehaviour<OnezoneClient, OnezoneArranged>[] = [
  {
    operation: 'create_user',
    name: 'serves a created user at its Location',
    async check(as) {
      const id = createdUserId(await as('admin').POST('/users', { body: { ...newUser('parity.located'), fullName: 'Located User' } }));
      const { data } = await as('admin').GET('/users/{id}', { params: { path: { id } } });
      expect(data).toMatchObject({ userId: id, username: 'parity.located', fullName: 'Located User' });
    },
  },
  {
    operation: 'create_user',
    name: 'detects a taken username by itself',
    async check(as) {
      expect((await as('admin').POST('/users', { body: newUser('parity.twice') })).response.status).toBe(201);
      const again = await as('admin').POST('/users', { body: newUser('parity.twice') });
      expect(again.error?.error.id).toBe('badValueIdentifierOccupied');
    },
  },
  {
    operation: 'list_users',
    name: 'lists a created user',
    async check(as) {
      const id = createdUserId(await as('admin').POST('/users', { body: newUser('parity.listed') }));
      expect((await as('admin').GET('/users')).data!.users).toContain(id);
    },
  },
  {
    operation: 'remove_user',
    name: 'answers 404 to get_user after removing the user',
    async check(as) {
      const id = createdUserId(await as('admin').POST('/users', { body: newUser('parity.gone') }));
      await as('admin').DELETE('/users/{id}', { params: { path: { id } } });
      expect((await as('admin').GET('/users/{id}', { params: { path: { id } } })).response.status).toBe(404);
    },
  },
  {
    operation: 'toggle_user_access_block',
    name: 'refuses a blocked user with password and token, until unblocked',
    async check(as, { plainToken }) {
      const plainId = (await as('plain').GET('/user')).data!.userId;
      const block = (blocked: boolean) => as('admin').PATCH('/users/{id}/access_block', { params: { path: { id: plainId } }, body: { blocked } });
      await block(true);
      try {
        expect((await as('plain').GET('/user')).error?.error.details?.['authError']).toMatchObject({ id: 'userBlocked' });
        expect((await as('none').GET('/user', { headers: { 'X-Auth-Token': plainToken } })).response.status).toBe(401);
      } finally {
        await block(false);
      }
      expect((await as('plain').GET('/user')).response.status).toBe(200);
    },
  },
  {
    operation: 'remove_client_token',
    name: 'refuses a removed token',
    async check(as) {
      const { data } = await as('plain').POST('/user/client_tokens', { body: {} });
      const token = data!.token;
      expect((await as('none').GET('/user', { headers: { Authorization: `Bearer ${token}` } })).response.status).toBe(200);
      await as('plain').DELETE('/user/client_tokens/{tid}', { params: { path: { tid: token } } });
      expect((await as('none').GET('/user', { headers: { Authorization: `Bearer ${token}` } })).error?.error.details?.['authError']).toMatchObject({ id: 'badToken' });
    },
  },
  {
    operation: 'list_client_tokens',
    name: 'lists a created token',
    async check(as) {
      const { data } = await as('plain').POST('/user/client_tokens', { body: {} });
      expect((await as('plain').GET('/user/client_tokens')).data!.tokens).toContain(data!.token);
    },
  },
  {
    operation: 'get_current_user',
    name: 'answers each caller with its own user',
    async check(as, { plain }) {
      expect((await as('plain').GET('/user')).data!.username).toBe(plain.username);
      expect((await as('admin').GET('/user')).data!.username).toBe('admin');
    },
  },
];
