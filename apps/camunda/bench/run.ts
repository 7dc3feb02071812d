// `npm run bench`: the real endpoints against their baselines, in one run on this machine.
//   1. searchUsers (read) vs a bare Hono route answering the same JSON;
//   2. createUser throughput vs the raw argon2id hash rate with the same parameters.
// Servers (and the raw hashing) run pinned to one core, the load generator to another, so they
// do not compete. A benchmark that prints figures, not a test: nothing fails on a slow machine.
import type { ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import { benchCores, pinThisProcess, rawHashRate as measureRawHashRate, startBenchServer, stopBenchServer } from '@repo/bench';
import { BENCH_ADMIN } from './bench-admin.ts';

const SECONDS = Number(process.env['BENCH_SECONDS'] ?? 3);
const CONNECTIONS = 10;
/**
 * Creates in flight. argon2 runs on libuv's pool (4 threads), all on the server's core; twice as
 * many requests as threads keep a hash queued, so a thread never waits for the event loop. The raw
 * hash rate is measured with the same number in flight.
 */
const CREATE_CONNECTIONS = Number(process.env['BENCH_CREATE_CONNECTIONS'] ?? 8);
const { cores, serverCore, loadCore } = benchCores();
const auth = `Basic ${Buffer.from(`${BENCH_ADMIN.username}:${BENCH_ADMIN.password}`).toString('base64')}`;
const here = (file: string) => fileURLToPath(new URL(file, import.meta.url));

// Pin this process (the load generator), all its threads, away from the server.
pinThisProcess(loadCore);

interface Result {
  name: string;
  rps: number;
  p99: number;
  errors: number;
  non2xx: number;
}

async function startServer(mode: 'real' | 'bare'): Promise<{ url: string; child: ChildProcess }> {
  const { origin, child } = await startBenchServer(here('./server.ts'), mode, serverCore);
  return { url: origin, child };
}

/** Raw argon2id hashes per second in a process pinned to the server's core (the server is idle then). */
const rawHashRate = () => measureRawHashRate(serverCore, CREATE_CONNECTIONS, SECONDS);

async function load(name: string, options: autocannon.Options): Promise<Result> {
  // A short warm-up (JIT, the authentication cache), then the measured run.
  await autocannon({ ...options, duration: 1 });
  const result = await autocannon({ ...options, duration: SECONDS });
  return { name, rps: result.requests.average, p99: result.latency.p99, errors: result.errors, non2xx: result.non2xx };
}

const search = (url: string): autocannon.Options => ({
  url: `${url}/v2/users/search`,
  method: 'POST',
  connections: CONNECTIONS,
  headers: { authorization: auth, 'content-type': 'application/json' },
  body: JSON.stringify({ page: { from: 0, limit: 100 } }),
});

const results: Result[] = [];

let server = await startServer('bare');
results.push(await load('bare Hono: POST /v2/users/search (same JSON)', search(server.url)));
await stopBenchServer(server.child);

server = await startServer('real');
results.push(await load('searchUsers: POST /v2/users/search', search(server.url)));

// The machine's speed drifts (shared CPUs): measure the raw rate right before and right after the
// create case and compare with their mean.
const rawBefore = rawHashRate();
let created = 0;
const createResult = await load('createUser: POST /v2/users', {
  url: `${server.url}/v2/users`,
  method: 'POST',
  connections: CREATE_CONNECTIONS,
  headers: { authorization: auth, 'content-type': 'application/json' },
  requests: [
    {
      setupRequest: (request) => ({
        ...request,
        body: JSON.stringify({ username: `bench${created++}`, password: 'bench-user-Passw0rd' }),
      }),
    },
  ],
});
results.push(createResult);
await stopBenchServer(server.child);
const rawAfter = rawHashRate();
const raw = { hashesPerSecond: (rawBefore + rawAfter) / 2 };

const [bare, read, create] = results as [Result, Result, Result];
console.log(`\nCamunda server benchmark — ${SECONDS} s per case, server on core ${serverCore}, load on core ${loadCore} (${cores} cores)\n`);
console.table(
  results.map((r) => ({ case: r.name, 'req/s': Math.round(r.rps), 'p99 ms': r.p99, errors: r.errors, non2xx: r.non2xx })),
);
console.log(
  `raw argon2id (m=19456, t=2, p=1; ${CREATE_CONNECTIONS} in flight): ${raw.hashesPerSecond.toFixed(1)} hashes/s ` +
    `(before ${rawBefore.toFixed(1)}, after ${rawAfter.toFixed(1)})`,
);
console.log(`searchUsers / bare Hono:  ${(read.rps / bare.rps).toFixed(2)}×`);
console.log(`createUser / raw argon2id: ${(create.rps / raw.hashesPerSecond).toFixed(2)}× (target ≥ 0.90×)`);
if (results.some((r) => r.errors > 0 || r.non2xx > 0)) console.log('WARNING: some requests failed; the figures above are not comparable.');
