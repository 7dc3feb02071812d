/**
 * Starts a real server process of either API, from its sources or as `npm start` runs it (`node
 * dist/index.js`).
 *
 * Source is the default: it tests the working tree as it is and never rewrites `apps/<api>/dist`,
 * which another `npm start` or bench may be running from. Under vitest the sources are the bundle
 * that `server-bundles.ts` made of them at the start of the run (named by {@link BUNDLE_VARIABLE});
 * elsewhere (`npm run fuzz`) they run as `npm run dev` runs them (`node --import tsx src/index.ts`).
 * The quick start test uses `dist`, since that is what the README's `npm start` serves.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ADMIN, type Credentials } from './admin.ts';
import { APIS, repoRoot, type ApiName } from './apis.ts';
import { CHEAP_ARGON2ID_PARAMS } from '@repo/test-kit';

export interface StartServerOptions {
  api: ApiName;
  /** SQLite folder; default a fresh temp folder, removed by `stop()`. Ignored with `databaseUrl`. */
  dataDir?: string;
  /** PostgreSQL instead of SQLite. */
  databaseUrl?: string;
  /** The bootstrap admin; default {@link ADMIN}. */
  admin?: Credentials;
  /** `src` (default) or `dist`, see the module comment. */
  entry?: 'src' | 'dist';
  /**
   * The argon2id cost of new hashes: `cheap` (default; `PASSWORD_HASH_*` set to the test kit's
   * `CHEAP_ARGON2ID_PARAMS`) or `default`, the server's own (the OWASP minimum), as an operator who sets nothing gets.
   */
  passwordHash?: 'cheap' | 'default';
  /** More environment variables. */
  env?: Record<string, string>;
}

// Suites send thousands of creates and wrong credentials (the fuzzer ~2,000 per API and store): at
// the OWASP cost each costs its server 12-24 ms of CPU, most of a run's. Hashing is the same code
// path at any cost, and stored hashes carry their own (tests/contract/restart.test.ts).
const CHEAP_PASSWORD_HASH = {
  PASSWORD_HASH_MEMORY_KIB: String(CHEAP_ARGON2ID_PARAMS.memoryCost),
  PASSWORD_HASH_ITERATIONS: String(CHEAP_ARGON2ID_PARAMS.timeCost),
  PASSWORD_HASH_PARALLELISM: String(CHEAP_ARGON2ID_PARAMS.parallelism),
};

/** A running server process. */
export interface RunningServer {
  api: ApiName;
  /** The API root, base path included: `http://127.0.0.1:<port>/v2`. */
  baseUrl: string;
  /** `http://127.0.0.1:<port>`. */
  origin: string;
  port: number;
  /** The SQLite folder (also when PostgreSQL is used: the server is given one regardless). */
  dataDir: string;
  pid: number;
  /** Everything the process wrote to stdout and stderr so far. */
  log(): string;
  /** SIGTERM, then waits for the exit; rejects (with the log) unless the exit code is 0. */
  stop(): Promise<void>;
  /** SIGKILL (a crash, an OOM kill), then waits for the exit; a later `stop()` resolves at once. */
  kill(): Promise<void>;
  /** True until the process has exited. */
  alive(): boolean;
}

/** The folder, inside each app, of the per-run bundles of its sources. */
export const BUNDLE_DIR = '.contract-tests';
/** The environment variable naming this run's bundle in {@link BUNDLE_DIR}. */
export const BUNDLE_VARIABLE = 'CONTRACT_TESTS_SERVER_BUNDLE';

const running = new Set<ChildProcess>();
// A test run that dies mid-way must not leave servers behind.
process.once('exit', () => {
  for (const child of running) child.kill('SIGKILL');
});

const START_TIMEOUT_MS = 30_000;
const STOP_TIMEOUT_MS = 20_000;

/**
 * Starts the server on a port the OS picks (`<API>_PORT=0`, read back from its "listening" log
 * line: no window in which another process can take a port we chose), with
 * `RESPONSE_VALIDATION=throw`, and resolves once `/health` answers 200.
 */
export async function startServer(options: StartServerOptions): Promise<RunningServer> {
  const api = APIS[options.api];
  const ownDataDir = options.dataDir === undefined;
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), `contract-${options.api}-`));
  const admin = options.admin ?? ADMIN;
  const entry = options.entry ?? 'src';
  const bundle = process.env[BUNDLE_VARIABLE];
  const args = entry === 'dist' ? ['dist/index.js'] : bundle ? ['--enable-source-maps', join(BUNDLE_DIR, bundle)] : ['--import', 'tsx', 'src/index.ts'];
  const child = spawn(process.execPath, args, {
    cwd: join(repoRoot, api.appDir),
    // Only what the server needs: nothing from the developer's shell (a DATABASE_URL, a port) leaks in.
    env: {
      PATH: process.env['PATH'] ?? '',
      TMPDIR: tmpdir(),
      NODE_ENV: 'test',
      [api.portVariable]: '0',
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      ADMIN_USERNAME: admin.username,
      ADMIN_PASSWORD: admin.password,
      RESPONSE_VALIDATION: 'throw',
      LOG_LEVEL: 'info',
      // Suites send many deliberate bad credentials from one address (contract, parity, fuzzing):
      // the sign-in throttle would answer them 429. It is tested in tests/resilience/ with limits of
      // its own, passed in `env`.
      SIGN_IN_MAX_FAILURES: '1000000',
      SIGN_IN_MAX_FAILURES_PER_ADDRESS: '1000000',
      ...(options.passwordHash === 'default' ? {} : CHEAP_PASSWORD_HASH),
      ...(options.databaseUrl ? { DATABASE_URL: options.databaseUrl } : {}),
      ...options.env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  running.add(child);
  let output = '';
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) =>
    child.once('exit', (code, signal) => {
      running.delete(child);
      resolve(code ?? (signal ? -1 : null));
    }),
  );

  const cleanUp = () => {
    if (ownDataDir) rmSync(dataDir, { recursive: true, force: true });
  };
  let port: number;
  try {
    port = await waitForPort(() => output, exited);
    await waitForHealth(`http://127.0.0.1:${port}/health`, exited);
  } catch (error) {
    child.kill('SIGKILL');
    await exited;
    cleanUp();
    throw new Error(`${options.api} server did not start: ${(error as Error).message}\n--- log ---\n${output}`);
  }

  const origin = `http://127.0.0.1:${port}`;
  let stopping: Promise<void> | undefined;
  let exitedYet = false;
  void exited.then(() => (exitedYet = true));
  return {
    api: options.api,
    baseUrl: `${origin}${api.basePath}`,
    origin,
    port,
    dataDir,
    pid: child.pid!,
    log: () => output,
    stop: () =>
      (stopping ??= (async () => {
        child.kill('SIGTERM');
        const timer = setTimeout(() => child.kill('SIGKILL'), STOP_TIMEOUT_MS);
        const code = await exited;
        clearTimeout(timer);
        cleanUp();
        if (code !== 0) throw new Error(`${options.api} server exited with ${code} after SIGTERM, not 0\n--- log ---\n${output}`);
      })()),
    kill: () =>
      (stopping ??= (async () => {
        child.kill('SIGKILL');
        await exited;
        cleanUp();
      })()),
    alive: () => !exitedYet,
  };
}

async function waitForPort(output: () => string, exited: Promise<number | null>): Promise<number> {
  const deadline = Date.now() + START_TIMEOUT_MS;
  let exitCode: number | null | undefined;
  void exited.then((code) => (exitCode = code));
  while (Date.now() < deadline) {
    const match = /"msg":"listening on http:\/\/[^"]*:(\d+)"/.exec(output());
    if (match) return Number(match[1]);
    if (exitCode !== undefined) throw new Error(`the process exited with ${exitCode}`);
    await sleep(25);
  }
  throw new Error(`no "listening on" line within ${START_TIMEOUT_MS} ms`);
}

async function waitForHealth(url: string, exited: Promise<number | null>): Promise<void> {
  let exitCode: number | null | undefined;
  void exited.then((code) => (exitCode = code));
  const deadline = Date.now() + START_TIMEOUT_MS;
  let last = '';
  while (Date.now() < deadline) {
    if (exitCode !== undefined) throw new Error(`the process exited with ${exitCode}`);
    try {
      const response = await fetch(url);
      if (response.status === 200) return;
      last = `HTTP ${response.status}`;
    } catch (error) {
      last = (error as Error).message;
    }
    await sleep(25);
  }
  throw new Error(`GET /health did not answer 200 within ${START_TIMEOUT_MS} ms (last: ${last})`);
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
