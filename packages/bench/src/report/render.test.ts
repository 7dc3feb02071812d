import { describe, expect, it } from 'vitest';
import { LAYERS, type Layer, type ProfileSummary } from '../cpu-profile.ts';
import type { Measurement } from '../load.ts';
import { renderReport, type BenchResults } from './render.ts';

const m = (rps: number, cpuUsPerRequest: number, roundRps: readonly number[] = []): Measurement => ({
  rps,
  p99Ms: 1,
  cpuUsPerRequest,
  requests: rps * 6,
  failed: 0,
  statuses: '200',
  ...(roundRps.length === 0 ? {} : { rounds: roundRps.map((r) => ({ rps: r, p99Ms: 1, cpuUsPerRequest, requests: r * 2, failed: 0, statuses: '200' })) }),
});

/** A profile with `us` µs per request in the layers named, none elsewhere. */
const profile = (us: Partial<Record<Layer, number>>, functions: ProfileSummary['functions'] = []): ProfileSummary => ({
  requests: 60_000,
  layers: LAYERS.map((layer) => ({ layer, usPerRequest: us[layer] ?? 0 })),
  functions,
  intervalUs: 390,
});

const results = (load: number): BenchResults => ({
  date: new Date('2026-11-27T15:00:42Z'),
  machine: { cpuModel: 'Test CPU', cores: 2, memoryGiB: 24, node: 'v24.0.0' },
  loadBefore: load,
  loadAfter: load,
  quick: false,
  shape: { seconds: 2, rounds: 3, warmUpSeconds: 1, connections: 10 },
  createShape: { seconds: 6, rounds: 1, warmUpSeconds: 1, connections: 8 },
  serverCore: '0',
  loadCore: '1',
  instructions: { warmUpRequests: 30_000, measuredRequests: 5_000, connections: 10 },
  post: [
    { peer: 'bare', name: 'bare Hono', measurement: m(60000, 16) },
    {
      peer: 'runtime',
      name: 'our runtime',
      measurement: m(48000, 20, [48000, 45000, 47000]),
      instructions: { perRequest: 138_161.4, compilerPerRequest: 20_480.2 },
      profile: profile({ 'our runtime (@repo/hono-openapi)': 5.5, Hono: 1.25, 'garbage collector': 1.5 }, [
        { name: 'parsedBody', file: 'packages/hono-openapi/src/request-body.ts', layer: 'our runtime (@repo/hono-openapi)', usPerRequest: 1.36 },
        { name: '(garbage collector)', layer: 'garbage collector', usPerRequest: 1.25 },
      ]),
    },
    {
      peer: 'fastify',
      name: 'Fastify + Ajv',
      measurement: m(50000, 19, [50000, 49000, 48000]),
      instructions: { perRequest: 131_871, compilerPerRequest: 17_002 },
      profile: profile({ Fastify: 4.25, 'garbage collector': 1.75 }),
    },
  ],
  reads: [{ api: 'onezone', operation: 'get_user', request: 'GET /api/v3/onezone/users/{id}', byTarget: { bare: m(70000, 14, [70000, 66000]), server: m(35000, 30, [35000, 32000]), prism: m(2000, 500), stateful: m(24000, 40) } }],
  creates: [{ api: 'camunda', operation: 'createUser', measurement: m(72, 12000), rawBefore: 78, rawAfter: 82 }],
  compile: { firstMs: 35, medianOffMs: 15, medianWithResponseValidationMs: 61, runs: 9 },
  processes: [{ name: 'bare Hono', section: 'validated POST', startupMs: 250, idleRssBytes: 60 * 1024 * 1024, peakRssBytes: 70 * 1024 * 1024 }],
  warnings: [],
});

describe('renderReport', () => {
  const report = renderReport(results(0.2));

  it('heads the report with the machine, the date and the load', () => {
    expect(report).toMatch(/^Measured 2026-11-27 15:00 UTC on Test CPU, 2 cores, 24 GiB, Node v24\.0\.0; load average 0\.2 before/);
    expect(report).not.toContain('busy');
  });

  it('holds the runtime against bare Hono and Fastify, by req/s and by CPU', () => {
    expect(report).toContain('| **our runtime** | 48 000 | 1 | 20.0 | 0.80×; 0.80× | 0.96× (target ≥ 0.95×: met); 0.95× |');
  });

  it('says in how many turns the targets held, pairing the rounds of each turn', () => {
    expect(report).toContain('the target of 0.95× held in 2 of 3 (0.96×, 0.92×, 0.98×).');
    expect(report).toContain('| 0.47× | 1 of 2 (0.50×, 0.48×) | 1 |');
  });

  it('prints a round just short of its target with the digits that show it', () => {
    const close = results(0.2);
    const runtime = close.post?.find((p) => p.peer === 'runtime');
    if (runtime === undefined) throw new Error('no runtime peer in the fixture');
    runtime.measurement = m(48000, 20, [47480, 45000, 47000]);
    expect(renderReport(close)).toContain('the target of 0.95× held in 1 of 3 (0.9496×, 0.92×, 0.98×).');
  });

  it('gives the instructions per request counted, and the runtime against Fastify by them', () => {
    expect(report).toContain('counted over 5 000 requests after 30 000 uncounted');
    expect(report).toContain(': our runtime 138 161, Fastify + Ajv 131 871. Not in them,');
    expect(report).toContain('in the counted window under valgrind, per request our runtime 20 480, Fastify + Ajv 17 002. The runtime against Fastify + Ajv: 0.95×');
  });

  it("shows where each profiled peer spent its time, by layer, and the runtime's heaviest functions", () => {
    expect(report).toContain('a sample every ~390 µs');
    expect(report).toContain('| layer | our runtime | Fastify + Ajv |');
    expect(report).toContain('| our runtime (@repo/hono-openapi) | 5.50 (67 %) | 0.00 (0 %) |');
    expect(report).toContain('| Fastify | 0.00 (0 %) | 4.25 (71 %) |');
    expect(report).toContain('| all of it | 8.25 | 6.00 |');
    expect(report).toContain("The runtime's process, its 8 heaviest functions (µs per request): `parsedBody` (packages/hono-openapi/src/request-body.ts) 1.36; `(garbage collector)` 1.25.");
  });

  it('has no profile section when no peer was profiled', () => {
    const unprofiled = results(0.2);
    for (const peer of unprofiled.post ?? []) delete peer.profile;
    expect(renderReport(unprofiled)).not.toContain('Where the time goes');
  });

  it('holds each read against bare Hono and the stateful mock against Prism', () => {
    expect(report).toContain('| 70 000 | 35 000 | 0.50× (target ≥ 0.5×: met) | 14.0 / 30.0 | 0.47× |');
    expect(report).toContain('| `get_user` | 2 000 | 24 000 | 12.00× | 500 / 40 | 12.50× |');
    expect(report).toContain('| geometric mean |  |  | 12.00× (target ≥ 10×: met) |  | 12.50× |');
  });

  it('holds creates against the mean raw hash rate', () => {
    expect(report).toContain('| `createUser` | 72.0 | 80.0 (78.0 / 82.0) | 0.90× (target ≥ 0.9×: met) | 12.0 | 1 |');
  });

  it('lists start-up and memory per process', () => {
    expect(report).toContain('| bare Hono | validated POST | 250 | 60.0 | 70.0 |');
  });

  it('leaves out the sections a validated-POST-only run did not measure', () => {
    const { reads: _reads, creates: _creates, compile: _compile, ...postOnly } = results(0.2);
    const partial = renderReport(postOnly);
    expect(partial).toContain('| **our runtime** | 48 000 |');
    expect(partial).not.toContain('Reads on the built servers');
    expect(partial).not.toContain('Creates');
    expect(partial).not.toContain('creates: one round');
    expect(partial).not.toContain('Runtime start-up');
  });

  it('leaves out the validated POST and the compile time from a reads-only run', () => {
    const { post: _post, compile: _compile, ...readsOnly } = results(0.2);
    const partial = renderReport(readsOnly);
    expect(partial).toContain('Reads on the built servers');
    expect(partial).toContain('creates: one round');
    expect(partial).not.toContain('Validated POST');
    expect(partial).not.toContain('Runtime start-up');
  });

  it('says so when the machine was busy before the run, not when the run itself loaded it', () => {
    expect(renderReport(results(3.5))).toContain('**The machine was busy**');
    expect(renderReport({ ...results(0.6), loadAfter: 2 })).not.toContain('busy');
  });
});
