/**
 * User-space instructions per request, counted by valgrind's callgrind. Req/s and CPU time move
 * with what else the host does (the runtime's CPU per request measured 34–77 µs within one hour on
 * 2026-11-28); instruction counts move much less (over four runs that day: the runtime ±1 %, bare
 * Hono ±2.5 %, Fastify ±6 %), so they tell a framework's own work apart from the machine's noise.
 * They still move: how many requests one event-loop turn finds waiting, and when V8's optimising
 * tiers arrive, depend on timing. Not in them: kernel time (the socket write is about a third of a
 * request's CPU) and what cache misses cost.
 *
 * The server runs under valgrind with instrumentation off, so start-up and warm-up go at about a
 * tenth of native speed; the warm-up must be long, because V8's optimising tiers arrive late under
 * valgrind (Fastify: 231k instructions per request after 3 000 requests, 139k after 12 000, 132k
 * after 25 000; the runtime had settled by 12 000).
 */
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import autocannon from 'autocannon';
import type { LoadCase } from './load.ts';
import { startServer, type ServerLaunch } from './server-process.ts';

const run = promisify(execFile);

/** How many requests: unmeasured first, then counted. */
export interface InstructionShape {
  warmUpRequests: number;
  measuredRequests: number;
  connections: number;
}

/** Whether valgrind and its `callgrind_control` can be run here. */
export async function hasCallgrind(): Promise<boolean> {
  try {
    await run('valgrind', ['--version']);
    await run('callgrind_control', ['--version']);
    return true;
  } catch {
    return false;
  }
}

/**
 * Starts `launch` under callgrind on `core`, sends the warm-up requests, then counts the
 * instructions of all the server's threads over the measured ones. Throws when a request is not
 * answered 2xx: a count of error answers would compare nothing.
 */
export async function instructionsPerRequest(launch: ServerLaunch, load: LoadCase, shape: InstructionShape, core: string, outDir: string): Promise<number> {
  const valgrind = ['valgrind', '--tool=callgrind', '--instr-atstart=no', '--smc-check=all-non-file', `--callgrind-out-file=${join(outDir, 'callgrind.%p')}`];
  const server = await startServer({ ...launch, command: [...valgrind, ...launch.command], startTimeoutMs: 180_000 }, core, 0);
  try {
    await sendAll(load, shape.warmUpRequests, shape.connections);
    await run('callgrind_control', ['--instr=on', String(server.pid)]);
    await sendAll(load, shape.measuredRequests, shape.connections);
    await run('callgrind_control', ['--dump', String(server.pid)]);
    await run('callgrind_control', ['--instr=off', String(server.pid)]);
  } finally {
    await server.stop();
  }
  return callgrindTotal(readFileSync(join(outDir, `callgrind.${server.pid}.1`), 'utf8')) / shape.measuredRequests;
}

/** The instruction total of a callgrind dump (its `summary:` or `totals:` line, first event: Ir). */
export function callgrindTotal(dump: string): number {
  const total = /^(?:summary|totals):\s+(\d+)/m.exec(dump)?.[1];
  if (total === undefined) throw new Error('callgrind dump without a summary or totals line');
  return Number(total);
}

async function sendAll(load: LoadCase, amount: number, connections: number): Promise<void> {
  const result = await autocannon({
    url: load.url,
    method: load.method,
    headers: load.headers,
    connections,
    amount,
    ...(load.body === undefined ? {} : { body: load.body }),
  });
  const answered = result['2xx'];
  if (answered !== amount) throw new Error(`${load.method} ${load.url}: ${answered} of ${amount} requests answered 2xx under callgrind`);
}
