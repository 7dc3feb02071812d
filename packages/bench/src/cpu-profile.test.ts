import type { Profiler, Runtime } from 'node:inspector';
import { describe, expect, it } from 'vitest';
import { LAYERS, layerOf, summarizeProfile } from './cpu-profile.ts';

const frame = (functionName: string, url: string): Runtime.CallFrame => ({ functionName, url, scriptId: '0', lineNumber: 0, columnNumber: 0 });

describe('layerOf', () => {
  it('puts code in the layer of the package it lives in', () => {
    expect(layerOf(frame('parsedBody', 'file:///repo/packages/hono-openapi/src/request-body.ts'))).toBe('our runtime (@repo/hono-openapi)');
    expect(layerOf(frame('Context', 'file:///repo/node_modules/hono/dist/context.js'))).toBe('Hono');
    expect(layerOf(frame('responseViaCache', 'file:///repo/node_modules/@hono/node-server/dist/index.mjs'))).toBe('@hono/node-server');
    expect(layerOf(frame('find', '/repo/node_modules/find-my-way/index.js'))).toBe('Fastify');
    expect(layerOf(frame('hookRunner', '/repo/node_modules/fastify/lib/hooks.js'))).toBe('Fastify');
    expect(layerOf(frame('writevGeneric', 'node:internal/stream_base_commons'))).toBe('Node.js (its JavaScript: http, streams, events)');
    expect(layerOf(frame('handler', 'file:///repo/packages/bench/src/peers/fastify.ts'))).toBe('other (the peer file, other libraries)');
    expect(layerOf(frame('_parse', '/repo/node_modules/secure-json-parse/index.js'))).toBe('other (the peer file, other libraries)');
  });

  it("counts Ajv's compiled validators, which have no file, with Ajv", () => {
    expect(layerOf(frame('validate10', ''))).toBe('Ajv (compiled validators, library)');
    expect(layerOf(frame('validate', ''))).toBe('Ajv (compiled validators, library)');
    expect(layerOf(frame('ucs2length', 'file:///repo/node_modules/ajv/dist/runtime/ucs2length.js'))).toBe('Ajv (compiled validators, library)');
  });

  it("tells native code called from JavaScript from native code with none on the stack, and the collector's time", () => {
    expect(layerOf(frame('writev', ''))).toBe('native code called from JavaScript (socket writes, microtasks, …)');
    expect(layerOf(frame('(program)', ''))).toBe('native code outside JavaScript (HTTP parser, event loop)');
    expect(layerOf(frame('(garbage collector)', ''))).toBe('garbage collector');
  });
});

describe('summarizeProfile', () => {
  // Samples every 100 µs from t = 1 000 µs: a sample stands for the time until the next one.
  const profile: Profiler.Profile = {
    nodes: [
      { id: 1, callFrame: frame('(root)', '') },
      { id: 2, callFrame: frame('(idle)', '') },
      { id: 3, callFrame: frame('parsedBody', 'file:///repo/packages/hono-openapi/src/request-body.ts') },
      { id: 4, callFrame: frame('Context', 'file:///repo/node_modules/hono/dist/context.js') },
      { id: 5, callFrame: frame('(garbage collector)', '') },
    ],
    startTime: 1_000,
    endTime: 1_800,
    samples: [3, 3, 4, 2, 5, 3, 4, 3],
    timeDeltas: [0, 100, 100, 100, 100, 100, 100, 100],
  };

  it('sums self time per request by layer and by function, leaving out idle time', () => {
    const summary = summarizeProfile(profile, 10);
    const layer = (name: (typeof LAYERS)[number]) => summary.layers.find((l) => l.layer === name)?.usPerRequest;
    // parsedBody: samples at 1 000, 1 100, 1 500 (the last sample has no next one: no time).
    expect(layer('our runtime (@repo/hono-openapi)')).toBe(30);
    expect(layer('Hono')).toBe(20);
    expect(layer('garbage collector')).toBe(10);
    expect(layer('Fastify')).toBe(0);
    expect(summary.layers.map((l) => l.layer)).toEqual([...LAYERS]);
    expect(summary.functions[0]).toEqual({ name: 'parsedBody', file: 'packages/hono-openapi/src/request-body.ts', layer: 'our runtime (@repo/hono-openapi)', usPerRequest: 30 });
    expect(summary.functions.find((f) => f.name === '(garbage collector)')).toEqual({ name: '(garbage collector)', layer: 'garbage collector', usPerRequest: 10 });
    expect(summary.intervalUs).toBeCloseTo(600 / 7);
  });

  it('counts only the samples taken within the window', () => {
    const summary = summarizeProfile(profile, 2, 1_150, 1_450);
    // 1 200 (Hono), 1 300 (idle), 1 400 (collector).
    expect(summary.layers.find((l) => l.layer === 'Hono')?.usPerRequest).toBe(50);
    expect(summary.layers.find((l) => l.layer === 'garbage collector')?.usPerRequest).toBe(50);
    expect(summary.layers.find((l) => l.layer === 'our runtime (@repo/hono-openapi)')?.usPerRequest).toBe(0);
  });

  it('has no per-request figures without requests', () => {
    expect(summarizeProfile(profile, 0).layers.every((l) => Number.isNaN(l.usPerRequest))).toBe(true);
  });
});
