import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { Agent, request } from 'node:http';
import pg from 'pg';
import { redactUrl } from '@repo/config';
import { freePort } from './server-process.ts';

/** One request of the bench: method, path below the API base path, JSON body. */
export interface BenchRequest {
  method: string;
  path: string;
  body?: unknown;
}

export interface ReplicaBenchOptions {
  /** Shown in the output, e.g. `Camunda`. */
  name: string;
  /** The app's folder; its `src/index.ts` is started once per replica. */
  appDir: string;
  /** e.g. `CAMUNDA_PORT`. */
  portVariable: string;
  /** e.g. `/v2`. */
  basePath: string;
  /** The read case (sent as the admin). */
  read: BenchRequest;
  /** The create case for the n-th user (sent as the admin; every username must be new). */
  create: (n: number) => BenchRequest;
  /** PostgreSQL server to create the bench's own database on (dropped afterwards). */
  databaseUrl: string;
  seconds: number;
  /** Requests in flight over all replicas, split evenly (default 16). */
  connections?: number;
}

/** The rounds, by replica count: `BENCH_REPLICA_ROUNDS` (e.g. `1,2,1,2`), default `1,2`. */
function rounds(): number[] {
  const counts = (process.env['BENCH_REPLICA_ROUNDS'] ?? '1,2').split(',').map(Number);
  if (!counts.includes(1) || !counts.includes(2) || counts.some((n) => n !== 1 && n !== 2)) {
    throw new Error(`BENCH_REPLICA_ROUNDS must list 1s and 2s, both, e.g. 1,2,1,2; got ${process.env['BENCH_REPLICA_ROUNDS']}`);
  }
  return counts;
}

const ADMIN = { username: 'admin', password: 'bench-replicas-Passw0rd' };
const AUTH = `Basic ${Buffer.from(`${ADMIN.username}:${ADMIN.password}`).toString('base64')}`;

/**
 * Create and read throughput of 1 vs 2 replicas of one API on one PostgreSQL database, printed as
 * ratios measured in one run. Each replica is a real server process (`src/index.ts`, production
 * mode, warn-level logs); the load is split evenly over the replicas, as a round-robin balancer
 * would, with the same total in flight. On a machine with few cores the replicas, PostgreSQL and
 * the load generator share them: the ratio says what a second process buys *here*.
 */
export async function replicaThroughput(options: ReplicaBenchOptions): Promise<void> {
  const rows: { replicas: number; readRps: number; createRps: number; failed: number }[] = [];
  for (const replicas of rounds()) {
    const database = await createDatabase(options.databaseUrl);
    const servers: { origin: string; child: ChildProcess }[] = [];
    try {
      for (let i = 0; i < replicas; i += 1) servers.push(await startReplica(options, database.url));
      const origins = servers.map((s) => `${s.origin}${options.basePath}`);
      const total = options.connections ?? 16;
      await drive(origins, total, 1, () => options.read); // warm-up: JIT, the credential cache
      const read = await drive(origins, total, options.seconds, () => options.read);
      let n = 0;
      const create = await drive(origins, total, options.seconds, () => options.create(n++));
      rows.push({ replicas, readRps: read.ok / options.seconds, createRps: create.ok / options.seconds, failed: read.failed + create.failed });
    } finally {
      await Promise.all(servers.map((s) => stop(s.child)));
      await database.drop();
    }
  }
  // Rounds may repeat (BENCH_REPLICA_ROUNDS=1,2,1,2, to see the machine drift): compare the means.
  const mean = (replicas: number, pick: (row: (typeof rows)[0]) => number) => {
    const chosen = rows.filter((row) => row.replicas === replicas).map(pick);
    return chosen.reduce((a, b) => a + b, 0) / chosen.length;
  };
  const one = { readRps: mean(1, (r) => r.readRps), createRps: mean(1, (r) => r.createRps) };
  const two = { readRps: mean(2, (r) => r.readRps), createRps: mean(2, (r) => r.createRps) };
  console.log(`\n${options.name}: 1 vs 2 replicas on one PostgreSQL (${redactUrl(options.databaseUrl)}), ${options.seconds} s per case`);
  console.table(rows.map((r) => ({ replicas: r.replicas, 'read req/s': Math.round(r.readRps), 'create req/s': Math.round(r.createRps), failed: r.failed })));
  console.log(`${options.name} read,   2 / 1 replicas: ${(two.readRps / one.readRps).toFixed(2)}×`);
  console.log(`${options.name} create, 2 / 1 replicas: ${(two.createRps / one.createRps).toFixed(2)}×`);
  if (rows.some((r) => r.failed > 0)) console.log('WARNING: some requests failed; the figures above are not comparable.');
}

/** Sends requests from `total` loops spread over `origins` for `seconds`; counts 2xx and the rest. */
async function drive(origins: string[], total: number, seconds: number, next: () => BenchRequest) {
  const agents = origins.map(() => new Agent({ keepAlive: true, maxSockets: total }));
  const deadline = Date.now() + seconds * 1000;
  let ok = 0;
  let failed = 0;
  await Promise.all(
    Array.from({ length: total }, async (_, i) => {
      const replica = i % origins.length;
      while (Date.now() < deadline) {
        const status = await send(`${origins[replica]}`, agents[replica]!, next()).catch(() => 0);
        if (status >= 200 && status < 300) ok += 1;
        else failed += 1;
      }
    }),
  );
  for (const agent of agents) agent.destroy();
  return { ok, failed };
}

function send(base: string, agent: Agent, req: BenchRequest): Promise<number> {
  const body = req.body === undefined ? undefined : JSON.stringify(req.body);
  return new Promise((resolve, reject) => {
    const r = request(
      `${base}${req.path}`,
      { method: req.method, agent, headers: { authorization: AUTH, ...(body === undefined ? {} : { 'content-type': 'application/json' }) } },
      (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode ?? 0));
        res.on('error', reject);
      },
    );
    r.on('error', reject);
    r.end(body);
  });
}

async function startReplica(options: ReplicaBenchOptions, databaseUrl: string): Promise<{ origin: string; child: ChildProcess }> {
  const port = await freePort();
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/index.ts'], {
    cwd: options.appDir,
    stdio: ['ignore', 'ignore', 'inherit'],
    env: {
      PATH: process.env['PATH'] ?? '',
      NODE_ENV: 'production',
      LOG_LEVEL: 'warn',
      HOST: '127.0.0.1',
      [options.portVariable]: String(port),
      DATABASE_URL: databaseUrl,
      ADMIN_USERNAME: ADMIN.username,
      ADMIN_PASSWORD: ADMIN.password,
    },
  });
  const origin = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`${options.name} replica exited with ${child.exitCode}`);
    const ready = await fetch(`${origin}/ready`).then((r) => r.status === 200, () => false);
    if (ready) return { origin, child };
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  child.kill('SIGKILL');
  throw new Error(`${options.name} replica was not ready within 60 s`);
}

function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return Promise.resolve();
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  return exited;
}


async function createDatabase(url: string): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `bench_replicas_${randomBytes(6).toString('hex')}`;
  const admin = async (statement: string) => {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      await client.query(statement);
    } finally {
      await client.end();
    }
  };
  await admin(`create database ${pg.escapeIdentifier(name)}`);
  const databaseUrl = new URL(url);
  databaseUrl.pathname = `/${name}`;
  return { url: databaseUrl.toString(), drop: () => admin(`drop database if exists ${pg.escapeIdentifier(name)} with (force)`) };
}
