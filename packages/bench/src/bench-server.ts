import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import type { Logger } from '@repo/config';
import { serveApp, type ServeAppOptions } from '@repo/http';

/** A server under test, started by {@link startBenchServer}. */
export interface BenchServer {
  /** `http://127.0.0.1:<port>`. */
  origin: string;
  /** What the server printed after its port on the `READY` line (e.g. the id of a seeded user). */
  fields: string[];
  child: ChildProcess;
}

/**
 * Runs `script` (TypeScript, through tsx) with `mode` as its argument, pinned to `core`, in
 * production mode, and resolves once it prints `READY <port> [fields…]` (see {@link serveBenchApp}).
 */
export async function startBenchServer(script: string, mode: string, core: string): Promise<BenchServer> {
  const child = spawn('taskset', ['-c', core, process.execPath, '--import', 'tsx', script, mode], {
    stdio: ['ignore', 'pipe', 'inherit'],
    env: { ...process.env, NODE_ENV: 'production' },
  });
  const lines = createInterface({ input: child.stdout! });
  for await (const line of lines) {
    const ready = /^READY (\d+)((?: \S+)*)$/.exec(line);
    if (ready) return { origin: `http://127.0.0.1:${ready[1]}`, fields: (ready[2] ?? '').split(' ').filter(Boolean), child };
  }
  throw new Error(`bench server (${mode}) exited before it was ready`);
}

/** Stops a server started by {@link startBenchServer} and waits until it has exited. */
export async function stopBenchServer(child: ChildProcess): Promise<void> {
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  await exited;
}

/**
 * Serves `app` on a free port of 127.0.0.1 and prints `READY <port> [fields…]` for
 * {@link startBenchServer}; `onShutdown` runs on SIGTERM.
 */
export async function serveBenchApp(options: {
  app: ServeAppOptions['app'];
  logger: Logger;
  onShutdown: () => Promise<void>;
  fields?: readonly string[];
}): Promise<void> {
  const served = await serveApp({ app: options.app, port: 0, hostname: '127.0.0.1', logger: options.logger, onShutdown: options.onShutdown });
  console.log(['READY', String(served.port), ...(options.fields ?? [])].join(' '));
}
