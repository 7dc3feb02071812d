import { spawn, type ChildProcess } from 'node:child_process';
import { readdirSync, readFileSync, readlinkSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { dirname, join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const PRISM_CLI = join(dirname(require.resolve('@stoplight/prism-cli/package.json')), 'dist', 'index.js');
/** Hands Prism faker's English-only entry point: it starts in about half the time (see the file). */
const ENGLISH_FAKER = fileURLToPath(new URL('./prism-english-faker.cjs', import.meta.url));

/** Prism's log levels (pino's, plus `silent`). */
export const PRISM_LOG_LEVELS = ['trace', 'debug', 'info', 'warn', 'error', 'fatal', 'silent'] as const;
/** One of {@link PRISM_LOG_LEVELS}. */
export type PrismLogLevel = (typeof PRISM_LOG_LEVELS)[number];

/** How to run one `prism mock`. */
export interface PrismOptions {
  /** The spec file; Prism watches it and reloads when it changes. */
  document: string;
  host: string;
  /** 0 picks a free port. */
  port: number;
  /** `--dynamic`: responses generated from the schemas instead of the examples. */
  dynamic: boolean;
  /** `--verboseLevel`. */
  logLevel: PrismLogLevel;
  /** Receives each line Prism prints. */
  onLine: (line: string) => void;
  /** How long to wait for the first answer, default 20 s. */
  startTimeoutMs?: number;
  /** With port 0, picks the port to try; default {@link freePort} (the OS's pick). */
  pickPort?: (host: string) => Promise<number>;
}

/** A running Prism child process. */
export interface PrismProcess {
  /** The port it listens on. */
  port: number;
  /** Resolves when the process exits, however it exits. */
  exited: Promise<number | null>;
  /** Stops the process (SIGTERM, then SIGKILL after 3 s); resolves once it has exited. */
  stop(): Promise<void>;
}

/** The host to connect to for a listening host: the wildcard addresses are reached on loopback. */
export function connectHost(host: string): string {
  if (host === '0.0.0.0' || host === '') return '127.0.0.1';
  if (host === '::') return '[::1]';
  return host.includes(':') && !host.startsWith('[') ? `[${host}]` : host;
}

/** A port that is free right now on `host` (the OS picks it). */
export async function freePort(host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, host, () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/** Tries with port 0: how many free ports are picked before giving up on EADDRINUSE. */
const FREE_PORT_ATTEMPTS = 3;

/**
 * Starts `prism mock` as a child process and resolves once it answers HTTP. Rejects, with
 * Prism's last lines, when the process exits before that or does not answer in time. With port 0
 * a free port is picked; since something else may take it before Prism listens (an outgoing
 * connection's local port, another process picking at the same moment), a start that fails with
 * EADDRINUSE is retried on another one.
 */
export async function startPrism(options: PrismOptions): Promise<PrismProcess> {
  for (let attempt = 1; ; attempt++) {
    const port = options.port === 0 ? await (options.pickPort ?? freePort)(options.host) : options.port;
    try {
      return await launchPrism(options, port);
    } catch (error) {
      const taken = error instanceof Error && error.message.includes('EADDRINUSE');
      if (options.port !== 0 || !taken || attempt === FREE_PORT_ATTEMPTS) throw error;
      options.onLine(`port ${port} was taken before Prism listened on it; trying another`);
    }
  }
}

async function launchPrism(options: PrismOptions, port: number): Promise<PrismProcess> {
  const args = ['--require', ENGLISH_FAKER, PRISM_CLI, 'mock', options.document, '--host', options.host, '--port', String(port)];
  // --multiprocess=false: in multiprocess mode (the default when NODE_ENV=production) the CLI
  // process forks the server and then does not watch the spec any more.
  args.push('--verboseLevel', options.logLevel, '--cors', '--multiprocess=false');
  // Without fillProperties=false, dynamic mode adds made-up properties ("Duis_5": …) to every
  // object whose schema allows extra ones, which only gets in a frontend developer's way.
  if (options.dynamic) args.push('--dynamic', '--json-schema-faker-fillProperties=false');
  const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'] });

  const recent: string[] = [];
  for (const stream of [child.stdout, child.stderr]) {
    createInterface({ input: stream }).on('line', (line) => {
      recent.push(line);
      if (recent.length > 20) recent.shift();
      options.onLine(line);
    });
  }
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const prism: PrismProcess = { port, exited, stop: () => stopChild(child, exited) };

  const url = `http://${connectHost(options.host)}:${port}/`;
  const deadline = Date.now() + (options.startTimeoutMs ?? 60_000);
  let done = false;
  const failed = exited.then((code) => {
    if (!done) throw new Error(`Prism exited (code ${code}) before answering on port ${port}: ${summary(recent)}`);
  });
  failed.catch(() => {}); // handled by the race below; this only stops an early exit being "unhandled"
  try {
    // An answer alone is not enough: the picked port may have gone to another HTTP server (another
    // mock's guard, a test's server) before Prism tried it, and that one answers at once.
    while (!(await answers(url)) || listensOn(child.pid, port) === false) {
      if (Date.now() > deadline) throw new Error(`Prism did not answer on ${url} in time: ${summary(recent)}`);
      await Promise.race([delay(100), failed]);
    }
    done = true;
    return prism;
  } catch (error) {
    done = true;
    await prism.stop();
    throw error;
  }
}

/**
 * Whether process `pid` holds the listening TCP socket of `port`: the socket's inode, from
 * `/proc/net/tcp` and `tcp6`, among the process's file descriptors; false once the process is gone.
 * Undefined where `/proc` cannot tell (not Linux): then an answer on the port is taken as Prism's.
 */
export function listensOn(pid: number | undefined, port: number): boolean | undefined {
  if (process.platform !== 'linux' || pid === undefined) return undefined;
  const inodes = new Set<string>();
  for (const table of ['/proc/net/tcp', '/proc/net/tcp6']) {
    let text: string;
    try {
      text = readFileSync(table, 'utf8');
    } catch {
      continue;
    }
    // "sl local_address rem_address st … inode": the address as HEX:HEXPORT, state 0A is LISTEN.
    for (const line of text.split('\n').slice(1)) {
      const fields = line.trim().split(/\s+/);
      const localPort = Number.parseInt(fields[1]?.split(':').at(-1) ?? '', 16);
      if (fields[3] === '0A' && localPort === port && fields[9] !== undefined) inodes.add(fields[9]);
    }
  }
  let fds: string[];
  try {
    fds = readdirSync(`/proc/${pid}/fd`);
  } catch (error) {
    // A process that is gone listens on nothing: Prism that exited on EADDRINUSE, and was reaped
    // while the probe waited for the answer of the server that holds the port, must not pass.
    return (error as NodeJS.ErrnoException).code === 'ENOENT' ? false : undefined;
  }
  for (const fd of fds) {
    let target: string;
    try {
      target = readlinkSync(`/proc/${pid}/fd/${fd}`);
    } catch {
      continue; // closed meanwhile
    }
    const inode = /^socket:\[(\d+)\]$/.exec(target)?.[1];
    if (inode !== undefined && inodes.has(inode)) return true;
  }
  return false;
}

/**
 * Whether Prism answers HTTP at `url`. Asks with a CORS preflight, which Prism answers itself
 * (204) without routing, so the probe neither needs a valid route nor logs an error.
 */
async function answers(url: string): Promise<boolean> {
  try {
    const response = await fetch(url, {
      method: 'OPTIONS',
      headers: { Origin: 'http://probe.invalid', 'Access-Control-Request-Method': 'GET' },
      signal: AbortSignal.timeout(1000),
    });
    await response.body?.cancel();
    return true;
  } catch {
    return false;
  }
}

/** Prism's last words, without the usage text yargs prints before a start-up error. */
function summary(lines: string[]): string {
  const usage = /^(\s|Options:|Positionals:|prism mock|Start a mock server)/;
  return lines.filter((line) => line.trim() !== '' && !usage.test(line)).slice(-5).join('\n') || '(no output)';
}

async function stopChild(child: ChildProcess, exited: Promise<number | null>): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 3000);
  await exited;
  clearTimeout(timer);
}

const delay = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
