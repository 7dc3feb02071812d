/**
 * The typed clients' own features (status narrowing, pagination, timeouts, retries) over real
 * HTTP: against the real servers and the Prism mocks alike (scenarios picked with `Prefer` on the
 * mock), and, for what neither can be made to do on demand (503/429 with `Retry-After`, a request
 * that hangs), against a tiny node:http server of this test's own.
 */
import { once } from 'node:events';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCamundaClient, isStatus, searchUsersItems, searchUsersPages } from '@repo/camunda-client';
import { createdUserId, createOnezoneClient } from '@repo/onezone-client';
import { startMock, type RunningMock } from '@repo/mock';
import { camundaSpec } from '@repo/specs/camunda';
import { onezoneSpec } from '@repo/specs/onezone';
import { ADMIN } from '../support/admin.ts';
import { checkedFetch, failOnViolations } from '@repo/test-kit';
import { useServers } from '../support/use-server.ts';

const servers = useServers({ name: 'sqlite', available: true }, ['camunda', 'onezone']);
const mocks: Partial<Record<'camunda' | 'onezone', RunningMock>> = {};
beforeAll(async () => {
  const [camunda, onezone] = await Promise.all([
    startMock({ api: 'camunda', port: 0, watch: false }),
    startMock({ api: 'onezone', port: 0, watch: false }),
  ]);
  Object.assign(mocks, { camunda, onezone });
});
afterAll(async () => {
  await Promise.all([mocks.camunda?.close(), mocks.onezone?.close()]);
});

// Every response, on both targets, is checked against the spec.
const checked = { camunda: checkedFetch(camundaSpec), onezone: checkedFetch(onezoneSpec) };
failOnViolations(checked.camunda);
failOnViolations(checked.onezone);

const TARGETS = ['server', 'mock'] as const;
type Target = (typeof TARGETS)[number];
const baseUrl = (api: 'camunda' | 'onezone', target: Target) => (target === 'server' ? servers[api]().server.baseUrl : mocks[api]!.baseUrl);
/** A client of `target`; `scenario` is sent to the mock only (the server must get no `Prefer`). */
const camundaOn = (target: Target, scenario?: string) =>
  createCamundaClient({ baseUrl: baseUrl('camunda', target), auth: ADMIN, fetch: checked.camunda, ...(target === 'mock' && scenario ? { scenario } : {}) });
const onezoneOn = (target: Target, scenario?: string) =>
  createOnezoneClient({ baseUrl: baseUrl('onezone', target), auth: ADMIN, fetch: checked.onezone, ...(target === 'mock' && scenario ? { scenario } : {}) });

describe.each(TARGETS)('typed clients against the %s', (target) => {
  it('narrows a Camunda 404 by status', async () => {
    const result = await camundaOn(target, 'code=404').DELETE('/users/{userKey}', { params: { path: { userKey: 2251799813689999 } } });
    expect(isStatus(result, 204)).toBe(false);
    expect(isStatus(result, 404)).toBe(true);
    if (isStatus(result, 404)) expect(result.error).toMatchObject({ status: 404, title: 'NOT_FOUND' });
  });

  it('narrows a Onezone 404 by status', async () => {
    const result = await onezoneOn(target, 'code=404').GET('/users/{id}', { params: { path: { id: 'no-such-user' } } });
    expect(isStatus(result, 404)).toBe(true);
    if (isStatus(result, 404)) expect(result.error.error.id).toBe('notFound');
  });

  it('narrows a success by status, and reads the created Onezone user’s id', async () => {
    const result = await onezoneOn(target).POST('/users', { body: { username: `paged.${target}`, password: 'lS1c6FD2mxB2ff' } });
    expect(isStatus(result, 201)).toBe(true);
    expect(createdUserId(result)).toMatch(/^[^/]+$/);
  });

  it('pages through searchUsers until page.totalItems', async () => {
    const client = camundaOn(target);
    if (target === 'server') {
      for (let i = 0; i < 4; i++) {
        const { response } = await client.POST('/users', { body: { username: `page-user-${i}`, password: 'page-Passw0rd' } });
        expect(response.status).toBe(202);
      }
    }
    const pages = [];
    for await (const page of searchUsersPages(client, { sort: [{ field: 'username' }] }, { pageSize: 2 })) pages.push(page);
    const items = pages.flatMap((page) => page.items);
    // The server pages through the admin and the four users; the stateless mock serves its one
    // example page (two users, totalItems 2): either way every item arrives once, then it stops.
    expect(items.length).toBe(pages[0]!.page.totalItems);
    expect(new Set(items.map((user) => user.key)).size).toBe(items.length);
    expect(pages.length).toBe(target === 'server' ? 3 : 1);
    const all = [];
    for await (const user of searchUsersItems(client, {}, { pageSize: 2 })) all.push(user.username);
    expect(all.sort()).toEqual(items.map((user) => user.username).sort());
  });
});

describe('timeouts against the real server', () => {
  it('gives up a POST that takes longer than timeoutMs, without retrying it', async () => {
    const requests: string[] = [];
    const fetch = (request: Request) => (requests.push(request.method), globalThis.fetch(request));
    // Creating a user costs an argon2id hash (~15 ms): far more than 1 ms.
    const client = createCamundaClient({ baseUrl: baseUrl('camunda', 'server'), auth: ADMIN, fetch, timeoutMs: 1 });
    await expect(client.POST('/users', { body: { username: 'too-slow', password: 'slow-Passw0rd' } })).rejects.toMatchObject({ name: 'TimeoutError' });
    expect(requests).toEqual(['POST']);
  });
});

/** A node:http server that answers each request with the next of `answers` and records the bodies. */
async function scriptedServer(answers: Array<(res: ServerResponse) => void>) {
  const bodies: string[] = [];
  const server: Server = createServer(async (req: IncomingMessage, res: ServerResponse) => {
    let body = '';
    for await (const chunk of req) body += String(chunk);
    bodies.push(`${req.method} ${req.url} ${req.headers.authorization ?? ''} ${body}`);
    const answer = answers[Math.min(bodies.length, answers.length) - 1]!;
    answer(res);
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  return {
    bodies,
    baseUrl: `http://127.0.0.1:${port}/v2`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections(); // keep-alive sockets would hold close() for seconds
      }),
  };
}

const json = (status: number, body: unknown, headers: Record<string, string> = {}) => (res: ServerResponse) =>
  res.writeHead(status, { 'Content-Type': status >= 400 ? 'application/problem+json' : 'application/json', ...headers }).end(JSON.stringify(body));
const problem = (status: number, title: string) => ({ type: 'about:blank', title, status, detail: `${title} (scripted)` });

describe('retries against a scripted server', () => {
  it('retries a POST after 503 and 429, honouring Retry-After in seconds and as a date', async () => {
    const scripted = await scriptedServer([
      json(503, problem(503, 'SERVICE_UNAVAILABLE'), { 'Retry-After': '0' }),
      json(429, problem(429, 'TOO_MANY_REQUESTS'), { 'Retry-After': new Date(Date.now() - 1_000).toUTCString() }),
      json(202, { userKey: 2251799813685249 }),
    ]);
    try {
      const client = createCamundaClient({ baseUrl: scripted.baseUrl, auth: ADMIN, retry: { baseDelayMs: 10 } });
      const result = await client.POST('/users', { body: { username: 'jdoe', password: 'jdoe-Passw0rd' } });
      expect(isStatus(result, 202) && result.data.userKey).toBe(2251799813685249);
      // The same request three times: method, path, credentials and body.
      expect(new Set(scripted.bodies)).toEqual(new Set([`POST /v2/users Basic ${btoa(`${ADMIN.username}:${ADMIN.password}`)} {"username":"jdoe","password":"jdoe-Passw0rd"}`]));
      expect(scripted.bodies).toHaveLength(3);
    } finally {
      await scripted.close();
    }
  });

  it('returns a 503 whose Retry-After is beyond maxRetryAfterMs at once', async () => {
    const scripted = await scriptedServer([json(503, problem(503, 'SERVICE_UNAVAILABLE'), { 'Retry-After': '120' }), json(202, { userKey: 1 })]);
    try {
      const client = createCamundaClient({ baseUrl: scripted.baseUrl, retry: { maxRetryAfterMs: 5_000 } });
      const result = await client.POST('/users', { body: { username: 'jdoe', password: 'jdoe-Passw0rd' } });
      expect(isStatus(result, 500)).toBe(false);
      expect(result.response.status).toBe(503);
      expect(result.response.headers.get('Retry-After')).toBe('120');
      expect(scripted.bodies).toHaveLength(1);
    } finally {
      await scripted.close();
    }
  });

  it('retries a DELETE that got no answer within timeoutMs; not a POST', async () => {
    const hang = () => undefined; // never answers: the client's timeout must end the attempt
    const scripted = await scriptedServer([hang, (res) => res.writeHead(204).end()]);
    try {
      // 1 s: far beyond a local answer even on a busy machine, so only the hung attempt times out.
      const client = createCamundaClient({ baseUrl: scripted.baseUrl, timeoutMs: 1_000, retry: { baseDelayMs: 10 } });
      const { response } = await client.DELETE('/users/{userKey}', { params: { path: { userKey: 1 } } });
      expect(response.status).toBe(204);
      expect(scripted.bodies.map((line) => line.split(' ').slice(0, 2).join(' '))).toEqual(['DELETE /v2/users/1', 'DELETE /v2/users/1']);
    } finally {
      await scripted.close();
    }
  });

  it('retries a GET after connection errors up to `attempts`, then throws', async () => {
    const scripted = await scriptedServer([]);
    await scripted.close(); // nothing listens on its port any more
    const attempts: string[] = [];
    const fetch = (request: Request) => (attempts.push(request.method), globalThis.fetch(request));
    const client = createOnezoneClient({ baseUrl: scripted.baseUrl.replace('/v2', '/api/v3/onezone'), fetch, retry: { attempts: 4, baseDelayMs: 10 } });
    await expect(client.GET('/users')).rejects.toBeInstanceOf(TypeError);
    expect(attempts).toEqual(['GET', 'GET', 'GET', 'GET']);
  });
});
