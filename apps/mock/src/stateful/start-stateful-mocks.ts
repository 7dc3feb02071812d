/**
 * `startStatefulMocks()`: both stateful mocks, served on ports, for `npm run mock:stateful`, the
 * parity suite and the benchmark.
 */
import { createLogger } from '@repo/config';
import { serveApp, type ServedApp } from '@repo/http';
import { connectHost } from '../prism-process.ts';
import { serverBasePath } from '../mount-bundle.ts';
import { STATEFUL_APIS } from './apis.ts';
import { mockHasher, type SeededUser } from './mock-options.ts';
import { DEFAULT_MOCK_ADMIN } from './stateful-config.ts';
import { createStatefulMock, type StatefulMock } from './stateful-mock.ts';

export { DEFAULT_MOCK_ADMIN } from './stateful-config.ts';
export type { SeededUser } from './mock-options.ts';

/** Options of {@link startStatefulMocks}. */
export interface StartStatefulMocksOptions {
  /** Default `127.0.0.1`. */
  host?: string;
  /** Default 4020; 0 picks a free port. */
  camundaPort?: number;
  /** Default 4021; 0 picks a free port. */
  onezonePort?: number;
  /** Default {@link DEFAULT_MOCK_ADMIN}. */
  admin?: { username: string; password: string };
  /** pino level of the servers' logs, default `error`. */
  logLevel?: string;
}

/** One running stateful mock. */
export interface RunningStatefulMock {
  /** The API root, the server's base path included, e.g. `http://127.0.0.1:4020/v2`. */
  baseUrl: string;
  /** Where `/__mock/reset` and `/__mock/seed` are, e.g. `http://127.0.0.1:4020`. */
  origin: string;
  port: number;
  seeded(): SeededUser[];
  /** Restores the seed (as `POST /__mock/reset`). */
  reset(): Promise<void>;
}

/** Both running mocks. */
export interface RunningStatefulMocks {
  camunda: RunningStatefulMock;
  onezone: RunningStatefulMock;
  close(): Promise<void>;
}

/** Options of {@link startStatefulMock}. */
export interface StartStatefulMockOptions extends Pick<StartStatefulMocksOptions, 'host' | 'admin' | 'logLevel'> {
  /** 0 picks a free port. */
  port: number;
}

/** One API's mock, built, seeded and served; resolves once it listens. */
export async function startStatefulMock(
  name: keyof typeof STATEFUL_APIS,
  options: StartStatefulMockOptions,
): Promise<RunningStatefulMock & { close(): Promise<void> }> {
  const host = options.host ?? '127.0.0.1';
  const logger = createLogger({ name: `${name}-mock`, level: (options.logLevel ?? 'error') as Parameters<typeof createLogger>[0]['level'] });
  const mock: StatefulMock = await createStatefulMock(STATEFUL_APIS[name], { admin: options.admin ?? DEFAULT_MOCK_ADMIN, hasher: mockHasher(), logger });
  let served: ServedApp;
  try {
    served = await serveApp({ app: mock, port: options.port, hostname: host, logger, handleSignals: false, shutdownTimeoutMs: 2000 });
  } catch (error) {
    await mock.close();
    throw error;
  }
  const origin = `http://${connectHost(host)}:${served.port}`;
  return {
    baseUrl: `${origin}${serverBasePath(STATEFUL_APIS[name].spec)}`,
    origin,
    port: served.port,
    seeded: () => mock.seeded(),
    reset: () => mock.reset(),
    async close() {
      await served.close();
      await mock.close();
    },
  };
}

/** Builds, seeds and serves both mocks; resolves once both listen. On failure nothing is left running. */
export async function startStatefulMocks(options: StartStatefulMocksOptions = {}): Promise<RunningStatefulMocks> {
  const shared = { ...(options.host ? { host: options.host } : {}), ...(options.admin ? { admin: options.admin } : {}), ...(options.logLevel ? { logLevel: options.logLevel } : {}) };
  const [camunda, onezone] = await Promise.allSettled([
    startStatefulMock('camunda', { ...shared, port: options.camundaPort ?? 4020 }),
    startStatefulMock('onezone', { ...shared, port: options.onezonePort ?? 4021 }),
  ]);
  if (camunda.status === 'rejected' || onezone.status === 'rejected') {
    await Promise.all([camunda, onezone].map((result) => (result.status === 'fulfilled' ? result.value.close() : undefined)));
    throw camunda.status === 'rejected' ? camunda.reason : (onezone as PromiseRejectedResult).reason;
  }
  return {
    camunda: camunda.value,
    onezone: onezone.value,
    close: async () => {
      await Promise.all([camunda.value.close(), onezone.value.close()]);
    },
  };
}
