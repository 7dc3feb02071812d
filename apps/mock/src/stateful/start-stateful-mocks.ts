/**
 * `startStatefulMocks()`: both stateful mocks, served on ports, for `npm run mock:stateful`, the
 * parity suite and the benchmark.
 */
import { createLogger, serveApp, type ServedApp } from '@repo/server-kit';
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

/** Builds, seeds and serves both mocks; resolves once both listen. On failure nothing is left running. */
export async function startStatefulMocks(options: StartStatefulMocksOptions = {}): Promise<RunningStatefulMocks> {
  const host = options.host ?? '127.0.0.1';
  const admin = options.admin ?? DEFAULT_MOCK_ADMIN;
  const hasher = mockHasher();
  const closers: (() => Promise<void>)[] = [];
  const closeAll = async () => {
    await Promise.allSettled(closers.reverse().map((close) => close()));
  };
  const start = async (name: keyof typeof STATEFUL_APIS, port: number): Promise<RunningStatefulMock> => {
    const logger = createLogger({ name: `${name}-mock`, level: (options.logLevel ?? 'error') as Parameters<typeof createLogger>[0]['level'] });
    const mock: StatefulMock = await createStatefulMock(STATEFUL_APIS[name], { admin, hasher, logger });
    closers.push(() => mock.close());
    const served: ServedApp = await serveApp({ app: mock, port, hostname: host, logger, handleSignals: false, shutdownTimeoutMs: 2000 });
    closers.push(() => served.close());
    const origin = `http://${connectHost(host)}:${served.port}`;
    return { baseUrl: `${origin}${serverBasePath(STATEFUL_APIS[name].spec)}`, origin, port: served.port, seeded: () => mock.seeded(), reset: () => mock.reset() };
  };
  try {
    const camunda = await start('camunda', options.camundaPort ?? 4020);
    const onezone = await start('onezone', options.onezonePort ?? 4021);
    return { camunda, onezone, close: closeAll };
  } catch (error) {
    await closeAll();
    throw error;
  }
}
