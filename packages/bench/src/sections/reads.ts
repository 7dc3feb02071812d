/**
 * The reads: Onezone `get_user`, `list_users`, `get_current_user`, `list_client_tokens` and Camunda
 * `searchUsers`, as the admin, against
 *   - the built servers on SQLite, each read held against a bare Hono route answering the very JSON
 *     that server answered (recorded before the load), and
 *   - the stateful mock, held against `npm run mock` (Prism) on the same requests.
 * Every target first gets the same users through its API (see {@link seed}).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { withServer, type BenchContext } from '../bench-context.ts';
import { ADMIN_AUTHORIZATION, BASE_PATH, builtServer, peer, prismMock, statefulMock, type ApiPorts } from '../launches.ts';
import { compareInRounds, type LoadCase, type Measurement } from '../load.ts';
import type { BareRoute } from '../peers/bare-hono.ts';
import { freePort, type RunningServer } from '../server-process.ts';
import { createsAgainstRawHashing, type CreateResult } from './creates.ts';

/** Users created through each target's API before its reads, so lists and searches return a page. */
export const SEEDED_USERS = 20;

/** What the seeding left that a read needs. */
interface Fixture {
  /** The id of a seeded Onezone user, from its `Location`. */
  onezoneUserId: string;
}

/** One read. */
interface ReadCase {
  api: keyof typeof BASE_PATH;
  operation: string;
  method: 'GET' | 'POST';
  path: (fixture: Fixture) => string;
  body?: unknown;
}

const READS: readonly ReadCase[] = [
  { api: 'onezone', operation: 'get_user', method: 'GET', path: (f) => `/users/${f.onezoneUserId}` },
  { api: 'onezone', operation: 'list_users', method: 'GET', path: () => '/users' },
  { api: 'onezone', operation: 'get_current_user', method: 'GET', path: () => '/user' },
  { api: 'onezone', operation: 'list_client_tokens', method: 'GET', path: () => '/user/client_tokens' },
  { api: 'camunda', operation: 'searchUsers', method: 'POST', path: () => '/users/search', body: { page: { from: 0, limit: 100 } } },
];

/** The targets of a read. */
export type ReadTarget = 'bare' | 'server' | 'prism' | 'stateful';

/** One read's figures on each target. */
export interface ReadResult {
  api: keyof typeof BASE_PATH;
  operation: string;
  /** e.g. `GET /api/v3/onezone/users/{id}`. */
  request: string;
  byTarget: Partial<Record<ReadTarget, Measurement>>;
}

/**
 * The reads on the built servers and their bare baselines, then (while the servers are up, idle,
 * and the bare server gone) the creates, then the reads on the mocks.
 */
export async function readsAndCreates(context: BenchContext): Promise<{ reads: ReadResult[]; creates: CreateResult[] }> {
  const reads: ReadResult[] = READS.map((read) => ({
    api: read.api,
    operation: read.operation,
    request: `${read.method} ${BASE_PATH[read.api]}${read.path({ onezoneUserId: '{id}' })}`,
    byTarget: {},
  }));
  const record = (target: ReadTarget, i: number, measurement: Measurement, name: string) => {
    reads[i]!.byTarget[target] = measurement;
    if (measurement.failed > 0) {
      context.warnings.push(`${READS[i]!.operation} on ${name}: ${measurement.failed} of ${measurement.requests} requests failed (${measurement.statuses})`);
    }
  };

  const ports: ApiPorts = { camunda: await freePort(), onezone: await freePort() };
  const dataDir = (api: string) => {
    const dir = join(context.tempDir, `${api}-data`);
    mkdirSync(dir, { recursive: true });
    return dir;
  };
  const creates = await withServer(context, 'reads, creates', builtServer('camunda', ports.camunda, dataDir('camunda')), (camunda) =>
    withServer(context, 'reads, creates', builtServer('onezone', ports.onezone, dataDir('onezone')), async (onezone) => {
      const fixture = await seed(ports);
      const servers: Record<ReadCase['api'], RunningServer> = { camunda, onezone };
      const routes = await recordAnswers(ports, fixture);
      const routesFile = join(context.tempDir, 'bare-read-routes.json');
      writeFileSync(routesFile, JSON.stringify(routes));
      const barePort = await freePort();
      const firstRead = routes[0]!;
      const bareLaunch = peer('bare Hono (recorded answers)', 'bare-hono.ts', barePort, [{ url: `http://127.0.0.1:${barePort}${firstRead.path}`, init: { method: firstRead.method } }], {
        BENCH_ROUTES: routesFile,
      });
      await withServer(context, 'reads', bareLaunch, async (bare) => {
        for (const [i, read] of READS.entries()) {
          const measured = await compareInRounds(
            [
              { key: 'bare', server: bare, load: loadCase(read, { camunda: barePort, onezone: barePort }, fixture) },
              { key: 'server', server: servers[read.api], load: loadCase(read, ports, fixture) },
            ],
            context.shape,
          );
          record('bare', i, measured.bare, bare.name);
          record('server', i, measured.server, servers[read.api].name);
        }
      });
      return createsAgainstRawHashing(context, ports, servers);
    }),
  );

  const mockPorts = { prism: { camunda: await freePort(), onezone: await freePort() }, stateful: { camunda: await freePort(), onezone: await freePort() } };
  await withServer(context, 'reads', prismMock(mockPorts.prism), (prism) =>
    withServer(context, 'reads', statefulMock(mockPorts.stateful), async (stateful) => {
      const fixtures = { prism: await seed(mockPorts.prism), stateful: await seed(mockPorts.stateful) };
      for (const [i, read] of READS.entries()) {
        const measured = await compareInRounds(
          [
            { key: 'prism', server: prism, load: loadCase(read, mockPorts.prism, fixtures.prism) },
            { key: 'stateful', server: stateful, load: loadCase(read, mockPorts.stateful, fixtures.stateful) },
          ],
          context.shape,
        );
        record('prism', i, measured.prism, prism.name);
        record('stateful', i, measured.stateful, stateful.name);
      }
    }),
  );
  return { reads, creates };
}

function url(ports: ApiPorts, api: ReadCase['api'], path: string): string {
  return `http://127.0.0.1:${ports[api]}${BASE_PATH[api]}${path}`;
}

function loadCase(read: ReadCase, ports: ApiPorts, fixture: Fixture): LoadCase {
  return {
    method: read.method,
    url: url(ports, read.api, read.path(fixture)),
    headers: { authorization: ADMIN_AUTHORIZATION, ...(read.body === undefined ? {} : { 'content-type': 'application/json' }) },
    ...(read.body === undefined ? {} : { body: JSON.stringify(read.body) }),
  };
}

/** Sends one request as the admin; throws unless it is answered 2xx. */
async function send(target: string, method: string, body?: unknown): Promise<Response> {
  const response = await fetch(target, {
    method,
    headers: { authorization: ADMIN_AUTHORIZATION, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  if (!response.ok) throw new Error(`${method} ${target}: ${response.status} ${await response.text()}`);
  return response;
}

/** {@link SEEDED_USERS} users in each API and a client token for the admin, through the API. */
async function seed(ports: ApiPorts): Promise<Fixture> {
  const password = 'bench-user-Passw0rd';
  let onezoneUserId: string | undefined;
  for (let i = 0; i < SEEDED_USERS; i++) {
    await (await send(url(ports, 'camunda', '/users'), 'POST', { username: `seed${i}`, password, name: `Seed User ${i}`, email: `seed${i}@example.com` })).arrayBuffer();
    const created = await send(url(ports, 'onezone', '/users'), 'POST', { username: `seed.${i}`, fullName: `Seed User ${i}`, password });
    await created.arrayBuffer();
    onezoneUserId ??= /\/users\/([^/?#]+)$/.exec(created.headers.get('location') ?? '')?.[1];
  }
  await (await send(url(ports, 'onezone', '/user/client_tokens'), 'POST', {})).arrayBuffer();
  if (onezoneUserId === undefined) throw new Error('create_user answered no Location with a user id');
  return { onezoneUserId };
}

/** Each read's answer from the servers, as routes of the bare server. */
async function recordAnswers(ports: ApiPorts, fixture: Fixture): Promise<BareRoute[]> {
  const routes: BareRoute[] = [];
  for (const read of READS) {
    const target = url(ports, read.api, read.path(fixture));
    const response = await send(target, read.method, read.body);
    routes.push({ method: read.method, path: new URL(target).pathname, status: response.status, body: await response.json(), readsBody: read.body !== undefined });
  }
  return routes;
}
