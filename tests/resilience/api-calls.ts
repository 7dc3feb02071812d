/**
 * The few calls the resilience suites make on either API, over plain node:http (a chosen client
 * address, one connection per request, a hard timeout), each answer checked against the bundled
 * spec: a 503 or 429 must be declared there, with its Retry-After header, in the API's format.
 */
import { expect } from 'vitest';
import { ADMIN, type Credentials } from '../support/admin.ts';
import { APIS, type ApiName } from '../support/apis.ts';
import { specChecker } from '@repo/test-kit';
import { http, type HttpAnswer, type HttpOptions } from '../support/http.ts';
import type { RunningServer } from '../support/start-server.ts';

type Target = Pick<RunningServer, 'baseUrl'> & { api: ApiName };

/** Sends a request to the API and asserts the answer is one the spec declares for it. */
export async function call(target: Target, method: string, path: string, options: HttpOptions = {}): Promise<HttpAnswer> {
  const url = `${target.baseUrl}${path}`;
  const answer = await http(url, { method, auth: ADMIN, ...options });
  const headers = new Headers();
  for (const [name, value] of Object.entries(answer.headers)) if (value !== undefined) headers.set(name, Array.isArray(value) ? value.join(', ') : value);
  const violations = specChecker(APIS[target.api].spec as unknown as Record<string, unknown>).violations(method, url, {
    status: answer.status,
    headers,
    text: answer.body,
  });
  expect(violations, `${method} ${path} → ${answer.status}`).toEqual([]);
  return answer;
}

/** An authenticated read: Camunda's search, Onezone's list. */
export function read(target: Target, options: HttpOptions = {}): Promise<HttpAnswer> {
  return target.api === 'camunda' ? call(target, 'POST', '/users/search', { body: {}, ...options }) : call(target, 'GET', '/users', options);
}

/** Creates a user; the answer's `created` is its key or id when the API acknowledged it (2xx). */
export async function createUser(target: Target, username: string, options: HttpOptions = {}): Promise<HttpAnswer & { created?: string }> {
  const password = `${username}-Passw0rd`;
  if (target.api === 'camunda') {
    const answer = await call(target, 'POST', '/users', { body: { username, password }, ...options });
    return answer.status === 202 ? { ...answer, created: String((JSON.parse(answer.body) as { userKey: number }).userKey) } : answer;
  }
  const answer = await call(target, 'POST', '/users', { body: { username, password, fullName: 'Load Test' }, ...options });
  const location = answer.headers['location'];
  return answer.status === 201 && typeof location === 'string' ? { ...answer, created: location.split('/').pop()! } : answer;
}

/** Every user's key (Camunda) or id (Onezone) as the API lists them. */
export async function allUserIds(target: Target): Promise<Set<string>> {
  if (target.api === 'camunda') {
    const ids = new Set<string>();
    for (let from = 0; ; from += 1000) {
      const answer = await call(target, 'POST', '/users/search', { body: { page: { from, limit: 1000 } } });
      const items = (JSON.parse(answer.body) as { items: { key: number }[] }).items;
      for (const item of items) ids.add(String(item.key));
      if (items.length < 1000) return ids;
    }
  }
  const answer = await call(target, 'GET', '/users');
  return new Set((JSON.parse(answer.body) as { users: string[] }).users);
}

/** Removes a user by key or id. */
export function removeUser(target: Target, id: string): Promise<HttpAnswer> {
  return call(target, 'DELETE', `/users/${id}`);
}

/** The status an API answers a taken username with: Camunda 409, Onezone 400 badValueIdentifierOccupied. */
export const TAKEN_STATUS: Record<ApiName, number> = { camunda: 409, onezone: 400 };

/** Credentials of a user made by {@link createUser}. */
export function credentialsOf(username: string): Credentials {
  return { username, password: `${username}-Passw0rd` };
}
