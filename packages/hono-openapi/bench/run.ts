/**
 * `npm run bench`: bare Hono vs the same routes through the runtime (valid POST, invalid POST,
 * GET), both servers child processes pinned to core 1 while autocannon runs here on core 0; then
 * the start-up time of compiling both real specs. A benchmark, not a test: it asserts nothing.
 *
 * Bare and runtime runs alternate, several rounds per case, and the best round of each side is
 * reported: on a shared machine other processes only ever slow a round down, so the best round is
 * the closest to the server's own cost, and alternating exposes both sides to the same drift. Besides
 * req/s (bounded by whatever else runs on the machine, and by autocannon itself), each server's CPU
 * time per request is measured: its ratio is what throughput would be with a core to itself.
 *
 * Env: BENCH_SECONDS (default 2 per run), BENCH_ROUNDS (default 5), BENCH_CONNECTIONS (default 10).
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import os from 'node:os';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';

const seconds = Number(process.env['BENCH_SECONDS'] ?? 2);
const rounds = Number(process.env['BENCH_ROUNDS'] ?? 5);
const connections = Number(process.env['BENCH_CONNECTIONS'] ?? 10);
const here = (file: string) => fileURLToPath(new URL(file, import.meta.url));
const cores = os.availableParallelism();
const serverCore = cores > 1 ? '1' : '0';
const auth = `Basic ${Buffer.from('admin:admin-password').toString('base64')}`;

type Mode = 'bare' | 'runtime';

function pinSelf(): void {
  try {
    execFileSync('taskset', ['-cp', '0', String(process.pid)], { stdio: 'ignore' });
  } catch {
    console.warn('taskset unavailable: load generator not pinned');
  }
}

async function startServer(mode: Mode): Promise<Server> {
  const child = spawn('taskset', ['-c', serverCore, process.execPath, '--import', 'tsx', here('./server.ts'), mode], {
    stdio: ['ignore', 'pipe', 'inherit', 'ipc'],
    env: { ...process.env, NODE_ENV: 'production' },
  });
  let output = '';
  for await (const chunk of child.stdout ?? []) {
    output += String(chunk);
    const match = /listening (\d+)/.exec(output);
    if (match) return { child, port: Number(match[1]) };
  }
  throw new Error(`server ${mode} did not start: ${output}`);
}

interface Case {
  readonly name: string;
  readonly method: 'GET' | 'POST';
  readonly path: string;
  readonly body?: string;
}

const cases: Case[] = [
  {
    name: 'valid POST (createUser)',
    method: 'POST',
    path: '/v2/users',
    body: JSON.stringify({ username: 'demo', password: 'demo-password', name: 'Demo User', email: 'demo@example.com' }),
  },
  { name: 'invalid POST (→ 400)', method: 'POST', path: '/v2/users', body: JSON.stringify({ username: '', email: 'not-an-email', role: 'admin' }) },
  { name: 'GET (get_user)', method: 'GET', path: '/api/v3/onezone/users/9f2c4b7e' },
];

interface Run {
  readonly rps: number;
  readonly p99: number;
  /** Server CPU time (user + system) per request served. */
  readonly cpuMicrosPerRequest: number;
  readonly statuses: string;
}

interface Server {
  readonly child: ChildProcess;
  readonly port: number;
}

async function stats(server: Server): Promise<{ cpuMicros: number; served: number }> {
  server.child.send('stats');
  const [message] = (await once(server.child, 'message')) as [{ cpuMicros: number; served: number }];
  return message;
}

async function load(server: Server, c: Case, duration: number): Promise<Run> {
  const before = await stats(server);
  const port = server.port;
  const r = await autocannon({
    url: `http://127.0.0.1:${port}${c.path}`,
    method: c.method,
    connections,
    duration,
    headers: { authorization: auth, 'content-type': 'application/json' },
    ...(c.body === undefined ? {} : { body: c.body }),
  });
  const after = await stats(server);
  const statuses = Object.keys(r.statusCodeStats ?? {}).join('/');
  const cpuMicrosPerRequest = (after.cpuMicros - before.cpuMicros) / Math.max(1, after.served - before.served);
  return { rps: r.requests.average, p99: r.latency.p99, cpuMicrosPerRequest, statuses };
}

const best = (xs: readonly number[]) => Math.max(...xs);
const least = (xs: readonly number[]) => Math.min(...xs);

pinSelf();
console.log(
  `hono-openapi bench: ${os.cpus()[0]?.model ?? 'cpu'} ×${cores}, node ${process.version}; servers on core ${serverCore}, ` +
    `autocannon on core 0; ${connections} connections; per case ${rounds} alternating rounds of ${seconds} s after a 1 s warm-up; best round of each side\n`,
);
const servers: Record<Mode, Server> = { bare: await startServer('bare'), runtime: await startServer('runtime') };
const rows = [];
try {
  for (const c of cases) {
    const runs: Record<Mode, Run[]> = { bare: [], runtime: [] };
    for (const mode of ['bare', 'runtime'] as const) await load(servers[mode], c, 1);
    for (let round = 0; round < rounds; round += 1) {
      for (const mode of ['bare', 'runtime'] as const) runs[mode].push(await load(servers[mode], c, seconds));
    }
    const bare = best(runs.bare.map((r) => r.rps));
    const runtime = best(runs.runtime.map((r) => r.rps));
    const bareCpu = least(runs.bare.map((r) => r.cpuMicrosPerRequest));
    const runtimeCpu = least(runs.runtime.map((r) => r.cpuMicrosPerRequest));
    rows.push({
      case: c.name,
      'bare req/s': Math.round(bare),
      'bare p99 ms': least(runs.bare.map((r) => r.p99)),
      'runtime req/s': Math.round(runtime),
      'runtime p99 ms': least(runs.runtime.map((r) => r.p99)),
      'ratio req/s': Number((runtime / bare).toFixed(2)),
      'bare CPU µs/req': Number(bareCpu.toFixed(1)),
      'runtime CPU µs/req': Number(runtimeCpu.toFixed(1)),
      'ratio by CPU': Number((bareCpu / runtimeCpu).toFixed(2)),
      status: runs.runtime[0]?.statuses ?? '',
    });
  }
} finally {
  for (const { child } of Object.values(servers)) {
    child.kill('SIGTERM');
    await once(child, 'exit');
  }
}
console.table(rows);

const startup = JSON.parse(
  execFileSync(process.execPath, ['--import', 'tsx', here('./startup.ts'), '9'], { encoding: 'utf8' }).trim().split('\n').at(-1) ?? '{}',
) as { coldMs: number; medianOffMs: number; medianWithResponseValidationMs: number; runs: number };
console.log(
  `\nstart-up, compiling both real specs (createOpenApiApp ×2, fresh process): first ${startup.coldMs.toFixed(1)} ms; ` +
    `median of ${startup.runs} more: ${startup.medianOffMs.toFixed(1)} ms (response validation off), ` +
    `${startup.medianWithResponseValidationMs.toFixed(1)} ms (on)`,
);
const post = rows[0];
console.log(
  `targets: valid POST ≥ 0.75× bare: ${post?.['ratio req/s'] ?? '?'} by req/s, ${post?.['ratio by CPU'] ?? '?'} by server CPU per request; ` +
    `start-up ≤ 200 ms: ${startup.coldMs.toFixed(0)} ms first compile`,
);
