import autocannon from 'autocannon';
import { treeCpuSeconds } from './process-tree.ts';
import type { RunningServer } from './server-process.ts';

/** One kind of request a server is loaded with. */
export interface LoadCase {
  method: 'GET' | 'POST';
  url: string;
  headers: Record<string, string>;
  /** The same body every time… */
  body?: string;
  /** …or a new one per request (creates, whose usernames must differ). */
  nextBody?: () => string;
}

/** How long and how hard. */
export interface LoadShape {
  /** One round's load. */
  seconds: number;
  /** Rounds per server and case, alternating between the servers compared. */
  rounds: number;
  /** Load before a server's first round of a case, not measured (JIT, credential caches). */
  warmUpSeconds: number;
  connections: number;
}

/** What one load run measured. */
export interface Measurement {
  rps: number;
  p99Ms: number;
  /** The server process tree's CPU time (user + system) per answered request, in microseconds. */
  cpuUsPerRequest: number;
  requests: number;
  /** Requests that got no answer or a status other than 2xx. */
  failed: number;
  /** The statuses seen, e.g. `202` or `200/500`. */
  statuses: string;
  /** The rounds a best-of was taken from, in the order they ran (from {@link compareInRounds}). */
  rounds?: readonly Measurement[];
}

/** A server and the requests it gets in a comparison. */
export interface Contender<K extends string> {
  key: K;
  server: RunningServer;
  load: LoadCase;
}

/** Loads one server with one case for one round (the default is {@link measure}). */
export type MeasureRound = (server: RunningServer, load: LoadCase, shape: Omit<LoadShape, 'rounds'>) => Promise<Measurement>;

/**
 * Loads each contender in turn, `shape.rounds` rounds, and keeps each one's best round (highest
 * req/s, lowest p99 and CPU per request): on a shared machine other work only ever slows a round
 * down, so the best round is the closest to the server's own cost, and alternating exposes every
 * contender to the same drift. Every other turn runs in reverse order, so that no contender always
 * follows the same one (the one before may leave the core busy: a collection, a heavier peer's
 * stragglers) and a drift within turns weighs on both sides of a pair alike. Every round is kept
 * too (`rounds`, in the order of the rounds), for {@link roundRatios}.
 */
export async function compareInRounds<K extends string>(
  contenders: readonly Contender<K>[],
  shape: LoadShape,
  measureRound: MeasureRound = measure,
): Promise<Record<K, Measurement>> {
  const runs = new Map<K, Measurement[]>(contenders.map((c) => [c.key, []]));
  for (let round = 0; round < shape.rounds; round++) {
    const turn = round % 2 === 0 ? contenders : [...contenders].reverse();
    for (const { key, server, load } of turn) runs.get(key)!.push(await measureRound(server, load, { ...shape, warmUpSeconds: round === 0 ? shape.warmUpSeconds : 0 }));
  }
  const best = {} as Record<K, Measurement>;
  for (const [key, measured] of runs) best[key] = { ...bestOf(measured), rounds: measured };
  return best;
}

/**
 * `candidate / baseline` by req/s, round by round: round i of each was loaded in the same turn,
 * so they shared the machine's drift. Empty without rounds of both.
 */
export function roundRatios(candidate: Measurement | undefined, baseline: Measurement | undefined): number[] {
  const a = candidate?.rounds ?? [];
  const b = baseline?.rounds ?? [];
  return a.length === b.length ? a.map((round, i) => round.rps / b[i]!.rps) : [];
}

/** The best of several rounds of one server and case (failures summed). */
export function bestOf(rounds: readonly Measurement[]): Measurement {
  const cpu = rounds.map((r) => r.cpuUsPerRequest).filter(Number.isFinite);
  return {
    rps: Math.max(...rounds.map((r) => r.rps)),
    p99Ms: Math.min(...rounds.map((r) => r.p99Ms)),
    cpuUsPerRequest: cpu.length > 0 ? Math.min(...cpu) : Number.NaN,
    requests: rounds.reduce((sum, r) => sum + r.requests, 0),
    failed: rounds.reduce((sum, r) => sum + r.failed, 0),
    statuses: [...new Set(rounds.flatMap((r) => r.statuses.split('/')).filter(Boolean))].sort().join('/'),
  };
}

/**
 * Loads `server` with `load` (autocannon, in this process, pinned to its own core by the runner)
 * for one round, after a warm-up if the shape has one, and reads the server's CPU time before
 * and after.
 */
export async function measure(server: RunningServer, load: LoadCase, shape: Omit<LoadShape, 'rounds'>): Promise<Measurement> {
  const options: autocannon.Options = {
    url: load.url,
    method: load.method,
    connections: shape.connections,
    headers: load.headers,
    ...(load.body === undefined ? {} : { body: load.body }),
    ...(load.nextBody === undefined ? {} : { requests: [{ setupRequest: (request) => ({ ...request, body: load.nextBody!() }) }] }),
  };
  if (shape.warmUpSeconds > 0) await autocannon({ ...options, duration: shape.warmUpSeconds });
  const cpuBefore = treeCpuSeconds(server.pid);
  const result = await autocannon({ ...options, duration: shape.seconds });
  const cpuSeconds = treeCpuSeconds(server.pid) - cpuBefore;
  const answered = result.requests.total;
  return {
    rps: result.requests.average,
    p99Ms: result.latency.p99,
    cpuUsPerRequest: answered > 0 ? (cpuSeconds / answered) * 1e6 : Number.NaN,
    requests: answered,
    failed: result.errors + result.non2xx,
    statuses: Object.keys(result.statusCodeStats ?? {}).join('/'),
  };
}
