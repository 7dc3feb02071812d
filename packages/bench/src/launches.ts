/** How each server under test is started: the peers of this package, the mocks, the built servers. */
import { fileURLToPath } from 'node:url';
import type { ServerLaunch } from './server-process.ts';

/** The repository's root. */
export const REPO_ROOT = fileURLToPath(new URL('../../../', import.meta.url));

/** The admin every server is started with and the load generator signs in as. */
export const BENCH_ADMIN = { username: 'admin', password: 'bench-admin-Passw0rd' } as const;

/** `Authorization` for {@link BENCH_ADMIN}. */
export const ADMIN_AUTHORIZATION = `Basic ${Buffer.from(`${BENCH_ADMIN.username}:${BENCH_ADMIN.password}`).toString('base64')}`;

/** The APIs' base paths (the bundles' `servers[0]`). */
export const BASE_PATH = { camunda: '/v2', onezone: '/api/v3/onezone' } as const;

const tsx = (file: string) => [process.execPath, '--import', 'tsx', fileURLToPath(new URL(file, import.meta.url))];

/** One of this package's peers (`src/peers/<file>`), through tsx, on `port`. */
export function peer(name: string, file: string, port: number, ready: ServerLaunch['ready'], env: Record<string, string> = {}): ServerLaunch {
  return { name, command: tsx(`./peers/${file}`), cwd: REPO_ROOT, env: { NODE_ENV: 'production', PORT: String(port), ...env }, ready };
}

/** Ports of a process serving both APIs. */
export interface ApiPorts {
  camunda: number;
  onezone: number;
}

/** A request each API of a two-API process answers 2xx once that API is up. */
function bothApisReady(ports: ApiPorts): ServerLaunch['ready'] {
  const headers = { authorization: ADMIN_AUTHORIZATION, 'content-type': 'application/json' };
  return [
    { url: `http://127.0.0.1:${ports.camunda}${BASE_PATH.camunda}/users/search`, init: { method: 'POST', headers, body: '{}' } },
    { url: `http://127.0.0.1:${ports.onezone}${BASE_PATH.onezone}/user`, init: { headers } },
  ];
}

/** `npm run mock`: the guard and Prism of each API, as shipped (apps/mock/src/index.ts). */
export function prismMock(ports: ApiPorts): ServerLaunch {
  return {
    name: 'Prism (`npm run mock`)',
    command: [process.execPath, '--import', 'tsx', 'apps/mock/src/index.ts'],
    cwd: REPO_ROOT,
    env: { NODE_ENV: 'production', CAMUNDA_MOCK_PORT: String(ports.camunda), ONEZONE_MOCK_PORT: String(ports.onezone) },
    ready: bothApisReady(ports),
  };
}

/** `npm run mock:stateful` (apps/mock/src/stateful-index.ts). */
export function statefulMock(ports: ApiPorts): ServerLaunch {
  return {
    name: 'stateful mock (`npm run mock:stateful`)',
    command: [process.execPath, '--import', 'tsx', 'apps/mock/src/stateful-index.ts'],
    cwd: REPO_ROOT,
    env: {
      NODE_ENV: 'production',
      CAMUNDA_STATEFUL_MOCK_PORT: String(ports.camunda),
      ONEZONE_STATEFUL_MOCK_PORT: String(ports.onezone),
      ADMIN_USERNAME: BENCH_ADMIN.username,
      ADMIN_PASSWORD: BENCH_ADMIN.password,
    },
    ready: bothApisReady(ports),
  };
}

/** A built server (`apps/<api>/dist/index.js`, `npm run build`) on SQLite in `dataDir`. */
export function builtServer(api: 'camunda' | 'onezone', port: number, dataDir: string): ServerLaunch {
  return {
    name: `${api === 'camunda' ? 'Camunda' : 'Onezone'} server (dist, SQLite)`,
    command: [process.execPath, 'dist/index.js'],
    cwd: `${REPO_ROOT}apps/${api}`,
    env: {
      NODE_ENV: 'production',
      LOG_LEVEL: 'warn',
      HOST: '127.0.0.1',
      [api === 'camunda' ? 'CAMUNDA_PORT' : 'ONEZONE_PORT']: String(port),
      DATA_DIR: dataDir,
      ADMIN_USERNAME: BENCH_ADMIN.username,
      ADMIN_PASSWORD: BENCH_ADMIN.password,
    },
    ready: [{ url: `http://127.0.0.1:${port}/ready` }],
  };
}
