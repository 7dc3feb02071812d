import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MOCKED_APIS, type MockedApi } from './apis.ts';
import { mountAtServerPath, serverBasePath, type SpecDocument } from './mount-bundle.ts';
import { startPrismGuard } from './prism-guard.ts';
import { connectHost, startPrism, type PrismLogLevel } from './prism-process.ts';
import { watchFile } from './watch-file.ts';

/** Options of {@link startMock}. */
export interface StartMockOptions {
  /** Which API; `bundlePath` defaults to its bundle in `specs/generated/`. */
  api: MockedApi['name'];
  /** The bundled spec to serve, default `specs/generated/<api>.openapi.json`. */
  bundlePath?: string;
  /** Default: the API's documented port (4010 / 4011); 0 picks a free port. */
  port?: number;
  /** The interface to listen on, default `127.0.0.1`. */
  host?: string;
  /** Prism's `--dynamic` mode: bodies generated from the schemas instead of the examples. */
  dynamic?: boolean;
  /** Prism's `--verboseLevel`, default `error` (see `config.ts` for why). */
  logLevel?: PrismLogLevel;
  /** Reload when the bundle changes, default true. */
  watch?: boolean;
  /** Receives each line the mock prints; default: dropped (start failures still report them). */
  onLine?: (line: string) => void;
  /** Called when Prism exits on its own (not through `close()`), with its exit code. */
  onExit?: (code: number | null) => void;
}

/** A running mock of one API. */
export interface RunningMock {
  /** The API root, the server's base path included, e.g. `http://127.0.0.1:4010/v2`. */
  baseUrl: string;
  port: number;
  /** Stops Prism and the watcher and removes the mounted copy of the bundle. */
  close(): Promise<void>;
}

/**
 * Starts a Prism mock of one API under the server's base path (see `mount-bundle.ts`) and
 * resolves once it answers. Prism watches the mounted copy and reloads when it changes; with
 * `watch`, the copy is rewritten whenever the source bundle changes (`npm run generate`).
 */
export async function startMock(options: StartMockOptions): Promise<RunningMock> {
  const api = MOCKED_APIS.find((candidate) => candidate.name === options.api);
  if (!api) throw new Error(`Unknown API ${JSON.stringify(options.api)}`);
  const source = options.bundlePath ?? api.bundlePath;
  const host = options.host ?? '127.0.0.1';
  const onLine = options.onLine ?? (() => {});

  const spec = JSON.parse(await readFile(source, 'utf8')) as SpecDocument;
  const basePath = serverBasePath(spec);
  const dir = await mkdtemp(join(tmpdir(), `repo-mock-${api.name}-`));
  const document = join(dir, `${api.name}.openapi.json`);
  let written = serialize(spec);
  await writeFile(document, written);

  let stopWatching = () => {};
  let mounted = JSON.parse(written) as SpecDocument;
  let guard: Awaited<ReturnType<typeof startPrismGuard>> | undefined;
  try {
    // The guard (prism-guard.ts: no request can crash the mock) on the documented port, Prism on an
    // internal loopback one. The guard listens first, so a taken port fails before Prism starts;
    // it forwards to Prism's port once Prism answers on it.
    const upstream = { host: '127.0.0.1', port: 0 };
    guard = await startPrismGuard({ host, port: options.port ?? api.defaultPort, upstream, spec: () => mounted, onLine });
    const prism = await startPrism({
      document,
      host: '127.0.0.1',
      port: 0,
      dynamic: options.dynamic ?? false,
      logLevel: options.logLevel ?? 'error',
      onLine,
    });
    upstream.port = prism.port;
    const front = guard;
    let closing = false;
    void prism.exited.then((code) => {
      if (!closing) options.onExit?.(code);
    });
    if (options.watch ?? true) {
      stopWatching = watchFile(source, () => {
        void remount(source, document, written, onLine).then((text) => {
          written = text;
          mounted = JSON.parse(text) as SpecDocument;
        });
      });
    }
    return {
      baseUrl: `http://${connectHost(host)}:${front.port}${basePath}`,
      port: front.port,
      async close() {
        closing = true;
        stopWatching();
        await front.close();
        await prism.stop();
        await rm(dir, { recursive: true, force: true });
      },
    };
  } catch (error) {
    await guard?.close();
    await rm(dir, { recursive: true, force: true });
    throw error;
  }
}

/** Options of {@link startMocks}. */
export interface StartMocksOptions extends Pick<StartMockOptions, 'host' | 'dynamic' | 'logLevel' | 'watch'> {
  /** Default 4010; 0 picks a free port. */
  camundaPort?: number;
  /** Default 4011; 0 picks a free port. */
  onezonePort?: number;
  /** Receives each line a mock prints, with the API's name. */
  onLine?: (api: MockedApi['name'], line: string) => void;
  /** Called when a mock's Prism exits on its own (not through `close()`). */
  onExit?: (api: MockedApi['name'], code: number | null) => void;
}

/** Both running mocks. */
export interface RunningMocks {
  /** e.g. `{ baseUrl: 'http://127.0.0.1:4010/v2', port: 4010 }`. */
  camunda: { baseUrl: string; port: number };
  /** e.g. `{ baseUrl: 'http://127.0.0.1:4011/api/v3/onezone', port: 4011 }`. */
  onezone: { baseUrl: string; port: number };
  /** Stops both mocks. */
  close(): Promise<void>;
}

/**
 * Starts the Camunda and Onezone mocks side by side and resolves once both answer; if either
 * fails to start, stops the other and rejects. For tests: `startMocks({ camundaPort: 0, onezonePort: 0 })`.
 */
export async function startMocks(options: StartMocksOptions = {}): Promise<RunningMocks> {
  const { camundaPort, onezonePort, onLine, onExit, ...shared } = options;
  const start = (api: MockedApi['name'], port: number | undefined) =>
    startMock({
      ...shared,
      api,
      ...(port === undefined ? {} : { port }),
      ...(onLine ? { onLine: (line: string) => onLine(api, line) } : {}),
      ...(onExit ? { onExit: (code: number | null) => onExit(api, code) } : {}),
    });
  const [camunda, onezone] = await Promise.allSettled([start('camunda', camundaPort), start('onezone', onezonePort)]);
  if (camunda.status === 'rejected' || onezone.status === 'rejected') {
    await Promise.all([camunda, onezone].map((result) => (result.status === 'fulfilled' ? result.value.close() : undefined)));
    throw camunda.status === 'rejected' ? camunda.reason : (onezone as PromiseRejectedResult).reason;
  }
  return {
    camunda: { baseUrl: camunda.value.baseUrl, port: camunda.value.port },
    onezone: { baseUrl: onezone.value.baseUrl, port: onezone.value.port },
    close: async () => {
      await Promise.all([camunda.value.close(), onezone.value.close()]);
    },
  };
}

function serialize(spec: SpecDocument): string {
  return `${JSON.stringify(mountAtServerPath(spec), null, 2)}\n`;
}

/**
 * Rewrites the mounted copy from the source bundle; Prism's own watcher then reloads it. A bundle
 * that does not parse (caught mid-write) is skipped: the next write triggers another pass.
 * Resolves with the text now in the copy.
 */
async function remount(source: string, document: string, written: string, onLine: (line: string) => void) {
  try {
    const text = serialize(JSON.parse(await readFile(source, 'utf8')) as SpecDocument);
    if (text === written) return written;
    await writeFile(document, text);
    onLine(`spec changed, reloading ${source}`);
    return text;
  } catch (error) {
    onLine(`spec not reloaded: ${error instanceof Error ? error.message : String(error)}`);
    return written;
  }
}
