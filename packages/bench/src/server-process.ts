import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { createInterface } from 'node:readline';
import { setTimeout as sleep } from 'node:timers/promises';
import { treeMemory } from './process-tree.ts';

/** How to start one server under test and how to tell that it answers. */
export interface ServerLaunch {
  /** Shown in the tables, e.g. `Fastify + Ajv`. */
  name: string;
  /** The program and its arguments, e.g. `[process.execPath, 'dist/index.js']`. */
  command: readonly string[];
  cwd?: string;
  /** Added to this process's environment. */
  env?: Record<string, string>;
  /** Requests that all answer 2xx once the server is up (tried every 10 ms from spawn on). */
  ready: { url: string; init?: RequestInit }[];
  /** Give up after this long, default 60 s. */
  startTimeoutMs?: number;
}

/** A server started by {@link startServer}, pinned to its core. */
export interface RunningServer {
  name: string;
  /** The server process; its descendants (Prism under `npm run mock`) count in CPU and memory. */
  pid: number;
  /** Spawn → first 2xx answer to the ready request, in milliseconds. */
  startupMs: number;
  /** Resident memory of the process tree once it has answered and settled, before any load. */
  idleRssBytes: number;
  /** Stops the server; resolves with the tree's peak resident memory over its life (`VmHWM`, summed). */
  stop(): Promise<{ peakRssBytes: number }>;
}

/**
 * Starts `launch` pinned to `core` (`taskset`, which execs the program, so the pid is the
 * server's) and resolves once it answers its ready request. The start-up time is measured from
 * spawn, so it includes loading the program and its dependencies, as a user would see it.
 */
export async function startServer(launch: ServerLaunch, core: string, settleMs: number): Promise<RunningServer> {
  const [program, ...args] = launch.command;
  const started = performance.now();
  const child = spawn('taskset', ['-c', core, program!, ...args], {
    cwd: launch.cwd,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, ...launch.env },
  });
  const recent = keepRecentLines(child);
  const deadline = started + (launch.startTimeoutMs ?? 60_000);
  let startupMs: number | undefined;
  while (startupMs === undefined) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(`${launch.name} exited (${child.exitCode ?? child.signalCode}) before it answered:\n${recent().join('\n')}`);
    }
    if (performance.now() > deadline) {
      await stopChild(child);
      throw new Error(`${launch.name} did not answer ${launch.ready.map((r) => r.url).join(', ')} within ${launch.startTimeoutMs ?? 60_000} ms:\n${recent().join('\n')}`);
    }
    const answers = await Promise.all(launch.ready.map((probe) => answersOk(probe.url, probe.init)));
    if (answers.every(Boolean)) startupMs = performance.now() - started;
    else await sleep(10);
  }
  await sleep(settleMs);
  const pid = child.pid!;
  return {
    name: launch.name,
    pid,
    startupMs,
    idleRssBytes: treeMemory(pid).rssBytes,
    async stop() {
      const { peakRssBytes } = treeMemory(pid);
      await stopChild(child);
      return { peakRssBytes };
    },
  };
}

async function answersOk(url: string, init: RequestInit | undefined): Promise<boolean> {
  try {
    const response = await fetch(url, { ...init, signal: AbortSignal.timeout(2000) });
    await response.arrayBuffer();
    return response.ok;
  } catch {
    return false;
  }
}

/** SIGTERM, then SIGKILL after 5 s; resolves once the process has exited. */
async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  const killer = setTimeout(() => child.kill('SIGKILL'), 5000);
  await exited;
  clearTimeout(killer);
}

/** Drains the child's output (a full pipe would block it) and keeps its last lines for error messages. */
function keepRecentLines(child: ChildProcess): () => string[] {
  const lines: string[] = [];
  for (const stream of [child.stdout, child.stderr]) {
    if (!stream) continue;
    createInterface({ input: stream }).on('line', (line) => {
      lines.push(line);
      if (lines.length > 20) lines.shift();
    });
  }
  return () => lines;
}

/** A port that is free on 127.0.0.1 right now (the OS picks it; closed again before the server binds it). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}
