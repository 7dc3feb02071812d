/**
 * Where a server's time goes under load, from V8's own CPU profile (`--cpu-prof`): its samples'
 * self time over the measured window, per request, by where the code lives (our runtime, Hono,
 * @hono/node-server, Fastify, the validators, Node's JavaScript, the garbage collector, native
 * code outside JavaScript). The instruction counts say how much each peer does; this says in
 * which layer, so that a change in the runtime's share shows in every run, not only in a profile
 * someone took by hand. The profiler samples the main thread only (the one that serves requests).
 */
import { mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import type { Profiler, Runtime } from 'node:inspector';
import { join } from 'node:path';
import { measure, type LoadCase, type LoadShape } from './load.ts';
import { startServer, type ServerLaunch } from './server-process.ts';

/** One layer's self time per request, in microseconds. */
export interface LayerTime {
  layer: Layer;
  usPerRequest: number;
}

/** One function's self time per request. */
export interface FunctionTime {
  /** V8's name for it: `parsedBody`, `writev`, `(program)`. */
  name: string;
  /** Its file, relative to the repository or to `node_modules`; undefined for native code. */
  file?: string;
  layer: Layer;
  usPerRequest: number;
}

/** A profile summed over a window of requests. */
export interface ProfileSummary {
  requests: number;
  /** Every layer, in {@link LAYERS} order, zero included. */
  layers: LayerTime[];
  /** The heaviest functions first. */
  functions: FunctionTime[];
  /** Sampling interval the profile was taken with, in microseconds. */
  intervalUs: number;
}

/** The layers, in the order they are tried and shown. */
export const LAYERS = [
  'our runtime (@repo/hono-openapi)',
  'Hono',
  '@hono/node-server',
  'Fastify',
  'Ajv (compiled validators, library)',
  'Node.js (its JavaScript: http, streams, events)',
  'native code called from JavaScript (socket writes, microtasks, …)',
  'native code outside JavaScript (HTTP parser, event loop)',
  'garbage collector',
  'other (the peer file, other libraries)',
] as const;

/** One of {@link LAYERS}. */
export type Layer = (typeof LAYERS)[number];

/** The layer a profile node's code belongs to. */
export function layerOf(frame: Pick<Runtime.CallFrame, 'functionName' | 'url'>): Layer {
  const { functionName, url } = frame;
  if (functionName === '(garbage collector)') return 'garbage collector';
  // `(program)`: the thread was in native code with no JavaScript on its stack (llhttp, libuv).
  if (functionName === '(program)') return 'native code outside JavaScript (HTTP parser, event loop)';
  if (url.includes('/packages/hono-openapi/')) return 'our runtime (@repo/hono-openapi)';
  if (url.includes('/node_modules/@hono/node-server/')) return '@hono/node-server';
  if (url.includes('/node_modules/hono/')) return 'Hono';
  if (/\/node_modules\/(?:fastify|find-my-way|@fastify\/[^/]+)\//.test(url)) return 'Fastify';
  // Ajv's validators are compiled with `new Function`: no file, named `validate<n>`.
  if ((url === '' && /^validate\d*$/.test(functionName)) || /\/node_modules\/ajv(?:-formats)?\//.test(url)) return 'Ajv (compiled validators, library)';
  if (url.startsWith('node:')) return 'Node.js (its JavaScript: http, streams, events)';
  // A function without a file is native (a binding such as `writev`, whose time is mostly the
  // kernel's, or V8's `runMicrotasks`); builtins such as `JSON.parse` count in their caller.
  if (url === '') return 'native code called from JavaScript (socket writes, microtasks, …)';
  return 'other (the peer file, other libraries)';
}

/** Nodes V8 adds that are not work: the thread waiting, and the tree's root. */
const NOT_WORK = new Set(['(idle)', '(root)']);

/**
 * Sums `profile`'s samples taken within [`fromUs`, `toUs`] (V8's clock: microseconds of the
 * monotonic clock, as `process.hrtime` reads it) by layer and by function, per request.
 */
export function summarizeProfile(profile: Profiler.Profile, requests: number, fromUs = Number.NEGATIVE_INFINITY, toUs = Number.POSITIVE_INFINITY): ProfileSummary {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const samples = profile.samples ?? [];
  const deltas = profile.timeDeltas ?? [];
  const byLayer = new Map<Layer, number>(LAYERS.map((layer) => [layer, 0]));
  const byFunction = new Map<string, { name: string; file: string | undefined; layer: Layer; us: number }>();
  let at = profile.startTime;
  let counted = 0;
  let countedUs = 0;
  for (let i = 0; i < samples.length; i++) {
    at += deltas[i] ?? 0;
    // A sample stands for the time until the next one.
    const us = deltas[i + 1] ?? 0;
    if (at < fromUs || at > toUs) continue;
    const frame = byId.get(samples[i]!)?.callFrame;
    if (frame === undefined || NOT_WORK.has(frame.functionName)) continue;
    const layer = layerOf(frame);
    byLayer.set(layer, byLayer.get(layer)! + us);
    // By name and file, not line: tsx, which runs the peers, puts a transformed file on one line.
    const name = frame.functionName || '(anonymous)';
    const file = frame.url === '' ? undefined : shortUrl(frame.url);
    const key = `${name} ${file ?? ''}`;
    const entry = byFunction.get(key) ?? { name, file, layer, us: 0 };
    entry.us += us;
    byFunction.set(key, entry);
    counted++;
    countedUs += us;
  }
  const per = (us: number) => (requests > 0 ? us / requests : Number.NaN);
  return {
    requests,
    layers: LAYERS.map((layer) => ({ layer, usPerRequest: per(byLayer.get(layer)!) })),
    functions: [...byFunction.values()]
      .map(({ name, file, layer, us }): FunctionTime => ({ name, ...(file === undefined ? {} : { file }), layer, usPerRequest: per(us) }))
      .sort((a, b) => b.usPerRequest - a.usPerRequest),
    intervalUs: counted > 0 ? countedUs / counted : Number.NaN,
  };
}

/** A profile node's file, shorter: from `node_modules/` or the repository's `packages/`/`apps/` on. */
function shortUrl(url: string): string {
  const modules = url.lastIndexOf('/node_modules/');
  if (modules >= 0) return url.slice(modules + '/node_modules/'.length);
  const own = /\/((?:packages|apps)\/.*)$/.exec(url);
  return own?.[1] ?? url;
}

/** How a server is profiled: one round of load after a warm-up, sampled every `intervalUs`. */
export interface ProfileShape extends Omit<LoadShape, 'rounds'> {
  intervalUs: number;
}

/**
 * Starts `launch` (a Node.js command) with V8's CPU profiler on, loads it for a warm-up and one
 * measured round, stops it (the profile is written as it exits) and sums the measured round.
 * Undefined when the server wrote no profile (it did not exit by itself within the stop's grace).
 */
export async function profileUnderLoad(launch: ServerLaunch, load: LoadCase, shape: ProfileShape, core: string, tempDir: string): Promise<ProfileSummary | undefined> {
  const dir = mkdtempSync(join(tempDir, 'cpu-profile-'));
  const [node, ...args] = launch.command;
  const profiled: ServerLaunch = { ...launch, command: [node!, '--cpu-prof', `--cpu-prof-dir=${dir}`, `--cpu-prof-interval=${shape.intervalUs}`, ...args] };
  const server = await startServer(profiled, core, 0);
  let window: { fromUs: number; toUs: number; requests: number };
  try {
    if (shape.warmUpSeconds > 0) await measure(server, load, { ...shape, seconds: shape.warmUpSeconds, warmUpSeconds: 0 });
    const fromUs = monotonicUs();
    const measured = await measure(server, load, { ...shape, warmUpSeconds: 0 });
    window = { fromUs, toUs: monotonicUs(), requests: measured.requests };
  } finally {
    await server.stop();
  }
  const file = readdirSync(dir).find((name) => name.endsWith('.cpuprofile'));
  if (file === undefined) return undefined;
  const profile = JSON.parse(readFileSync(join(dir, file), 'utf8')) as Profiler.Profile;
  return summarizeProfile(profile, window.requests, window.fromUs, window.toUs);
}

/** The monotonic clock V8's profiler stamps its samples with, in microseconds. */
function monotonicUs(): number {
  return Number(process.hrtime.bigint() / 1000n);
}
