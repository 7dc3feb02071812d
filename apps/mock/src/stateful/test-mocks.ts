/** Both stateful mocks without ports, for this folder's tests. Test-only. */
import { createLogger } from '@repo/config';
import { STATEFUL_APIS } from './apis.ts';
import { mockHasher } from './mock-options.ts';
import { createStatefulMock, type StatefulMock } from './stateful-mock.ts';

export const TEST_ADMIN = { username: 'admin', password: 'change-me-now' } as const;

export const basicAuth = (username: string, password: string) => `Basic ${Buffer.from(`${username}:${password}`).toString('base64')}`;

/** Builds one API's mock with a quiet logger. */
export function testMock(api: keyof typeof STATEFUL_APIS): Promise<StatefulMock> {
  return createStatefulMock(STATEFUL_APIS[api], { admin: TEST_ADMIN, hasher: mockHasher(), logger: createLogger({ name: `mock-${api}`, level: 'silent' }) });
}

/** Sends a request to a mock the way a client would: JSON body, admin credentials unless `auth` says otherwise. */
export async function send(
  mock: StatefulMock,
  method: string,
  url: string,
  init: { body?: unknown; prefer?: string; auth?: string | null } = {},
): Promise<{ status: number; headers: Headers; body: any }> {
  const headers: Record<string, string> = {};
  const auth = init.auth === undefined ? basicAuth(TEST_ADMIN.username, TEST_ADMIN.password) : init.auth;
  if (auth !== null) headers.authorization = auth;
  if (init.prefer) headers.prefer = init.prefer;
  if (init.body !== undefined) headers['content-type'] = 'application/json';
  const response = await mock.fetch(
    new Request(`http://mock.test${url}`, { method, headers, ...(init.body === undefined ? {} : { body: JSON.stringify(init.body) }) }),
  );
  const text = await response.text();
  return { status: response.status, headers: response.headers, body: text === '' ? undefined : JSON.parse(text) };
}
