/**
 * The validated POST: Camunda's `createUser` route, its body validated against the spec's schema,
 * answered 202 without hashing, on each peer in turn. Bare Hono (no validation) is the floor;
 * Fastify + Ajv is the fastest validating peer the runtime is held against.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { withServers, type BenchContext } from '../bench-context.ts';
import { ADMIN_AUTHORIZATION, BASE_PATH, peer, prismMock } from '../launches.ts';
import { profileUnderLoad, type ProfileSummary } from '../cpu-profile.ts';
import { instructionsPerRequest, type InstructionCount } from '../instructions.ts';
import { compareInRounds, type LoadCase, type Measurement } from '../load.ts';
import type { BareRoute } from '../peers/bare-hono.ts';
import { CREATE_USER_PATH, CREATED, createUserExample } from '../peers/validated-post.ts';
import { freePort, type ServerLaunch } from '../server-process.ts';

/** The peers, in the order they are started and loaded (the report picks its baselines by key). */
const PEERS = ['bare', 'runtime', 'fastify', 'express', 'prism'] as const;

/** One of {@link PEERS}. */
export type PostPeer = (typeof PEERS)[number];

/** The peers whose instructions are counted (the run's `instructions` shape) and whose CPU is profiled: the frameworks, not Express (~10× slower under valgrind) or a mock. */
const COUNTED: readonly PostPeer[] = ['bare', 'runtime', 'fastify'];

/** One peer's figures. */
export interface PostResult {
  peer: PostPeer;
  name: string;
  measurement: Measurement;
  /** User-space instructions per request under callgrind, the optimising compiler's jobs apart (see instructions.ts), when counted. */
  instructions?: InstructionCount;
  /** Where its time went under load, by layer (V8's CPU profile, see cpu-profile.ts), when profiled. */
  profile?: ProfileSummary;
}

/** `bare,runtime` → those peers, in {@link PEERS} order; throws on a name that is not a peer. */
export function parsePostPeers(list: string): PostPeer[] {
  const named = list.split(',').map((name) => name.trim());
  const unknown = named.filter((name) => !(PEERS as readonly string[]).includes(name));
  if (unknown.length > 0) throw new Error(`unknown validated-POST peer ${unknown.join(', ')}; the peers are ${PEERS.join(', ')}`);
  return PEERS.filter((key) => named.includes(key));
}

/** Starts every peer (or those of `only`) on the server core and loads them in turns with the same requests. */
export async function validatedPost(context: BenchContext, only: readonly PostPeer[] = PEERS): Promise<PostResult[]> {
  const body = JSON.stringify(createUserExample());
  const headers = { authorization: ADMIN_AUTHORIZATION, 'content-type': 'application/json' };
  const routes = join(context.tempDir, 'bare-post-routes.json');
  writeFileSync(routes, JSON.stringify([{ method: 'POST', path: CREATE_USER_PATH, status: 202, body: CREATED, readsBody: true }] satisfies BareRoute[]));

  const launch = async (key: PostPeer, port: number): Promise<ServerLaunch> => {
    const ready = [{ url: `http://127.0.0.1:${port}${CREATE_USER_PATH}`, init: { method: 'POST', headers, body } }];
    switch (key) {
      case 'bare':
        return peer('bare Hono', 'bare-hono.ts', port, ready, { BENCH_ROUTES: routes });
      case 'runtime':
        return peer('our runtime (@repo/hono-openapi)', 'runtime.ts', port, ready);
      case 'fastify':
        return peer('Fastify + Ajv', 'fastify.ts', port, ready);
      case 'express':
        return peer('Express + express-openapi-validator', 'express.ts', port, ready);
      case 'prism':
        return prismMock({ camunda: port, onezone: await freePort() });
    }
  };
  const load = (port: number): LoadCase => ({ method: 'POST', url: `http://127.0.0.1:${port}${BASE_PATH.camunda}/users`, headers, body });

  const ports = await Promise.all(only.map(() => freePort()));
  const launches: ServerLaunch[] = await Promise.all(only.map((key, i) => launch(key, ports[i]!)));
  const results = await withServers(context, 'validated POST', launches, async (servers) => {
    const measured = await compareInRounds(
      only.map((key, i) => ({ key, server: servers[i]!, load: load(ports[i]!) })),
      context.shape,
    );
    return only.map((key, i): PostResult => {
      const measurement = measured[key];
      if (measurement.failed > 0) context.warnings.push(`validated POST on ${servers[i]!.name}: ${measurement.failed} of ${measurement.requests} requests failed (${measurement.statuses})`);
      return { peer: key, name: servers[i]!.name, measurement };
    });
  });
  // Each in a process of its own, after the rounds: the profiler's own cost stays out of them.
  if (context.profile !== undefined) {
    for (const result of results.filter((r) => COUNTED.includes(r.peer))) {
      const port = await freePort();
      result.profile = await profileUnderLoad(await launch(result.peer, port), load(port), context.profile, context.serverCore, context.tempDir);
      if (result.profile === undefined) context.warnings.push(`validated POST on ${result.name}: no CPU profile (the server did not exit by itself when stopped)`);
    }
  }
  // One at a time, after the load runs: under valgrind a server takes its core for a minute or two.
  if (context.instructions !== undefined) {
    const outDir = mkdtempSync(join(context.tempDir, 'callgrind-'));
    for (const result of results.filter((r) => COUNTED.includes(r.peer))) {
      const port = await freePort();
      result.instructions = await instructionsPerRequest(await launch(result.peer, port), load(port), context.instructions, context.serverCore, outDir);
    }
  }
  return results;
}
