// `npm run bench -w @repo/mock`: the stateful mock's throughput against Prism's on the same
// requests, in one run on this machine. Both mocks run pinned to one core (an idle one costs
// nothing), the load generator (autocannon) to another; the two are loaded in turns, several
// rounds, and the medians compared, so that a change in the machine's load (it is shared) hits
// both alike. A benchmark that prints figures, not a test: nothing fails when slow.
//
// The requests are the ones a frontend sends most: Camunda's search for a user and Onezone's
// get_user, with the admin's credentials and no Prefer header. Prism answers them with the
// spec's example; the stateful mock runs the real handler (credentials checked, SQLite queried).
import type { ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import { benchCores, pinThisProcess, startBenchServer, stopBenchServer } from '@repo/bench';
import { DEFAULT_MOCK_ADMIN } from '../src/stateful/stateful-config.ts';
import { treeCpuSeconds } from './process-cpu.ts';

const SECONDS = Number(process.env['BENCH_SECONDS'] ?? 3);
const ROUNDS = Number(process.env['BENCH_ROUNDS'] ?? 3);
const CONNECTIONS = 10;
const TARGET = 10;
const { cores, serverCore, loadCore } = benchCores();
const here = (file: string) => fileURLToPath(new URL(file, import.meta.url));
const authorization = `Basic ${Buffer.from(`${DEFAULT_MOCK_ADMIN.username}:${DEFAULT_MOCK_ADMIN.password}`).toString('base64')}`;

pinThisProcess(loadCore);

interface Mock {
  camunda: string;
  onezone: string;
  userId: string;
  child: ChildProcess;
}

async function startMock(mode: 'stateful' | 'prism'): Promise<Mock> {
  const { origin, fields, child } = await startBenchServer(here('./server.ts'), mode, serverCore);
  const [onezonePort, userId] = fields;
  return { camunda: `${origin}/v2`, onezone: `http://127.0.0.1:${onezonePort}/api/v3/onezone`, userId: userId ?? '', child };
}

/** The requests both mocks get, built for one of them. */
const cases = (mock: Mock): { name: string; options: autocannon.Options }[] => [
  {
    name: 'Camunda searchUsers: POST /v2/users/search',
    options: {
      url: `${mock.camunda}/users/search`,
      method: 'POST',
      headers: { authorization, 'content-type': 'application/json' },
      body: JSON.stringify({ filter: { username: 'jdoe' } }),
    },
  },
  { name: 'Onezone get_user: GET /api/v3/onezone/users/{id}', options: { url: `${mock.onezone}/users/${mock.userId}`, headers: { authorization } } },
];

interface Result {
  rps: number;
  /** The mock's CPU time per answered request, in microseconds (its child processes included). */
  cpuUs: number;
  p99: number;
  failed: number;
}

async function load(options: autocannon.Options, pid: number, warmUp: boolean): Promise<Result> {
  // A short warm-up (JIT, the credential cache) before a mock's first run of a case.
  if (warmUp) await autocannon({ ...options, connections: CONNECTIONS, duration: 1 });
  const cpuBefore = treeCpuSeconds(pid);
  const result = await autocannon({ ...options, connections: CONNECTIONS, duration: SECONDS });
  const cpu = treeCpuSeconds(pid) - cpuBefore;
  if (result.errors + result.non2xx > 0) console.error(`${options.url}: ${result.errors} errors (${result.timeouts} timeouts), ${result.non2xx} non-2xx`);
  return { rps: result.requests.average, cpuUs: (cpu / result.requests.total) * 1e6, p99: result.latency.p99, failed: result.errors + result.non2xx };
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const medianResult = (runs: Result[]): Result => ({
  rps: median(runs.map((r) => r.rps)),
  cpuUs: median(runs.map((r) => r.cpuUs)),
  p99: median(runs.map((r) => r.p99)),
  failed: runs.reduce((sum, r) => sum + r.failed, 0),
});

const mocks = { prism: await startMock('prism'), stateful: await startMock('stateful') };
const prism: Result[] = [];
const stateful: Result[] = [];
try {
  const prismCases = cases(mocks.prism);
  const statefulCases = cases(mocks.stateful);
  for (let i = 0; i < prismCases.length; i++) {
    const runs: Record<'prism' | 'stateful', Result[]> = { prism: [], stateful: [] };
    for (let round = 0; round < ROUNDS; round++) {
      runs.prism.push(await load(prismCases[i]!.options, mocks.prism.child.pid!, round === 0));
      runs.stateful.push(await load(statefulCases[i]!.options, mocks.stateful.child.pid!, round === 0));
    }
    prism.push(medianResult(runs.prism));
    stateful.push(medianResult(runs.stateful));
  }
} finally {
  await Promise.all([stopBenchServer(mocks.prism.child), stopBenchServer(mocks.stateful.child)]);
}
const names = cases({ camunda: '', onezone: '', userId: '', child: undefined as never }).map((c) => c.name);

console.log(`\nStateful mock vs Prism — medians of ${ROUNDS} rounds of ${SECONDS} s per case and mock, ${CONNECTIONS} connections, mocks on core ${serverCore}, load on core ${loadCore} (${cores} cores)\n`);
console.table(
  names.map((name, i) => ({
    case: name,
    'Prism req/s': Math.round(prism[i]!.rps),
    'stateful req/s': Math.round(stateful[i]!.rps),
    'req/s ratio': `${(stateful[i]!.rps / prism[i]!.rps).toFixed(1)}×`,
    'CPU µs/req (Prism / stateful)': `${Math.round(prism[i]!.cpuUs)} / ${Math.round(stateful[i]!.cpuUs)}`,
    'CPU ratio': `${(prism[i]!.cpuUs / stateful[i]!.cpuUs).toFixed(1)}×`,
    'p99 ms (Prism / stateful)': `${prism[i]!.p99} / ${stateful[i]!.p99}`,
  })),
);
const geomean = (values: number[]) => Math.exp(values.reduce((sum, r) => sum + Math.log(r), 0) / values.length);
const byRate = geomean(names.map((_, i) => stateful[i]!.rps / prism[i]!.rps));
const byCpu = geomean(names.map((_, i) => prism[i]!.cpuUs / stateful[i]!.cpuUs));
console.log(`stateful / Prism throughput: ${byRate.toFixed(1)}× by req/s, ${byCpu.toFixed(1)}× by CPU per request (geometric means; target ≥ ${TARGET}×)`);
if ([...prism, ...stateful].some((r) => r.failed > 0)) console.log('WARNING: some requests failed; the figures above are not comparable.');
