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
 * after 25 000; the runtime had settled by 12 000). Even after 30 000 requests V8's optimising
 * compiler was still at work in the counted window (on 2026-11-29, 8–24k instructions per request
 * for the runtime, 30–39k for Fastify): jobs the warm-up queued, and recompiles when the counted
 * requests' new connections met code optimised for the old ones. Natively that work is over within
 * the warm-up, so it is counted apart: its jobs' inclusive cost, read with `callgrind_annotate`.
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

/** Instructions per request counted in one server, with what V8's optimising compiler did among them apart. */
export interface InstructionCount {
  /** Every thread's user-space instructions but the compiler jobs', per request. */
  perRequest: number;
  /** The optimising compiler's jobs (TurboFan's, Maglev's), per request: warm-up work that natively is over. */
  compilerPerRequest: number;
}

/** Whether valgrind, `callgrind_control` and `callgrind_annotate` can be run here. */
export async function hasCallgrind(): Promise<boolean> {
  try {
    await run('valgrind', ['--version']);
    await run('callgrind_control', ['--version']);
    // Its `--version` exits 255: only whether it is there can be asked.
    await run('sh', ['-c', 'command -v callgrind_annotate']);
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
export async function instructionsPerRequest(launch: ServerLaunch, load: LoadCase, shape: InstructionShape, core: string, outDir: string): Promise<InstructionCount> {
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
  const dump = join(outDir, `callgrind.${server.pid}.1`);
  const total = callgrindTotal(readFileSync(dump, 'utf8'));
  const { stdout } = await run('callgrind_annotate', ['--inclusive=yes', '--threshold=100', dump], { maxBuffer: 256 * 1024 * 1024 });
  const compiler = compilerJobInstructions(stdout);
  return { perRequest: (total - compiler) / shape.measuredRequests, compilerPerRequest: compiler / shape.measuredRequests };
}

/**
 * A compilation job's concurrent phase, in V8 from Node 20 to 24: TurboFan's (its graph, from
 * bytecode to machine code) and Maglev's. Their finalisation on the main thread is not in them:
 * it is brief, and is counted.
 */
const COMPILER_JOB = /::(?:PipelineCompilationJob|MaglevCompilationJob)::ExecuteJobImpl\(/;

/** The inclusive instructions of the optimising compiler's jobs, from `callgrind_annotate --inclusive=yes` output. */
export function compilerJobInstructions(annotated: string): number {
  let total = 0;
  for (const line of annotated.split('\n')) {
    if (!COMPILER_JOB.test(line)) continue;
    const count = /^\s*([\d,]+)\s/.exec(line)?.[1];
    if (count !== undefined) total += Number(count.replaceAll(',', ''));
  }
  return total;
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
