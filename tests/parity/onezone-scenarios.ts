/** The Onezone parity table: one row per operation and documented status, shared by mock and server. */
import { expect } from 'vitest';
import { createdUserId, type OnezoneClient } from '@repo/onezone-client';
import type { Arranged, Expected, Scenario, StatefulBehaviour } from './scenario.ts';

export interface OnezoneArranged extends Arranged {
  /** A username already taken. */
  taken: string;
  /** A user the remove scenario removes. */
  doomedId: string;
  /** A user that stays. */
  keptId: string;
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
  return { plain: newUser('parity.plain'), taken: 'parity.taken', doomedId: await create('parity.doomed'), keptId: await create('parity.kept') };
}

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
    operation: 'get_current_user',
    name: 'answers each caller with its own user',
    async check(as, { plain }) {
      expect((await as('plain').GET('/user')).data!.username).toBe(plain.username);
      expect((await as('admin').GET('/user')).data!.username).toBe('admin');
    },
  },
];
