import { execFile, spawnSync } from 'node:child_process';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatReport } from '../report/format-report.ts';
import { fixtureSpec } from '../testing/fixture-spec.ts';
import { fixtureCredentials, startFixtureServer, type FixtureServer } from '../testing/fixture-server.ts';
import { FuzzAbortedError, runFuzz } from './run-fuzz.ts';

let server: FixtureServer;
beforeAll(async () => {
  server = await startFixtureServer();
});
afterAll(async () => {
  await server.close();
});

describe('runFuzz against an in-process server with one deliberate defect', () => {
  it('finds the 500 on an astral character in name, shrinks it, prints its curl line and nothing else fails', async () => {
    const report = await runFuzz(
      { name: 'fixture', spec: fixtureSpec as unknown as Record<string, unknown>, baseUrl: server.baseUrl, credentials: fixtureCredentials, kind: 'server' },
      { requests: 400, seed: 20261127 },
    );
    const text = formatReport(report);
    const serverError = report.failures.find((f) => f.check === 'not_a_server_error');
    expect(serverError, text).toBeDefined();
    expect(serverError!.operationId).toBe('createItem');
    expect(serverError!.response.status).toBe(500);
    // Shrunk: a short name around the astral character (a positive case shrinks to that one character).
    const body = JSON.parse(Buffer.from(serverError!.generated.request.body!).toString('utf8'));
    expect([...body.name].length, JSON.stringify(body)).toBeLessThanOrEqual(4);
    expect(body.name).toMatch(/[\u{10000}-\u{10ffff}]/u);
    expect(serverError!.curl).toMatch(/\$'\\xf0\\x[0-9a-f]{2}\\x[0-9a-f]{2}\\x[0-9a-f]{2}'/);
    expect(serverError!.curl).toMatch(/^(printf .* \| )?curl .*--path-as-is/);
    expect(text).toContain(serverError!.curl);
    // The curl line reproduces the failure byte for byte (where curl is installed).
    if (spawnSync('curl', ['--version']).status === 0) {
      // Asynchronously: the server answering it runs in this process.
      const { stdout: replay } = await promisify(execFile)('bash', ['-c', serverError!.curl], { encoding: 'utf8', timeout: 10_000 });
      expect(replay).toMatch(/^HTTP\/1\.1 500 /);
    }
    expect(text).toContain('seed=20261127 (replay: FUZZ_SEED=20261127)');
    // No false alarm: every failure is about that 500.
    for (const failure of report.failures) expect(failure.response.status, text).toBe(500);
    const outcome = (check: string, op: string) => report.checks.find((c) => c.check === check && c.operationId === op);
    expect(outcome('ensure_resource_availability', 'getItem')?.status, text).toBe('passed');
    expect(outcome('use_after_free', 'getItem')?.status, text).toBe('passed');
    expect(outcome('ignored_auth', 'deleteItem')?.status).toBe('passed');
    expect(outcome('unsupported_method', 'listItems')?.status).toBe('passed');
    expect(outcome('host_header_not_reflected', 'createItem')?.status).toBe('passed');
    expect(outcome('unsupported_method', 'createItem')?.reason).toContain('judged under listItems');
  }, 30_000);

  it('answers with the same report for the same seed', async () => {
    const run = () =>
      runFuzz(
        { name: 'fixture', spec: fixtureSpec as unknown as Record<string, unknown>, baseUrl: server.baseUrl, credentials: fixtureCredentials, kind: 'mock' },
        { requests: 60, seed: 7, operations: ['listItems', 'getItem'] },
      );
    const [a, b] = [await run(), await run()];
    expect([...a.statuses.entries()].map(([k, v]) => [k, [...v]])).toEqual([...b.statuses.entries()].map(([k, v]) => [k, [...v]]));
    expect(a.checks.find((c) => c.check === 'use_after_free' && c.operationId === 'getItem')?.reason).toContain('stateless mock');
  }, 20_000);

  it('stops with a clear message when the authorised caller gets 401 on everything', async () => {
    const run = runFuzz(
      { name: 'fixture', spec: fixtureSpec as unknown as Record<string, unknown>, baseUrl: server.baseUrl, credentials: { username: 'admin', password: 'wrong' }, kind: 'server' },
      { requests: 200, seed: 3 },
    );
    await expect(run).rejects.toThrow(FuzzAbortedError);
    await expect(run).rejects.toThrow(/the authorised caller admin got 401 for 12 valid requests in a row/);
  }, 20_000);
});

describe('runFuzz against a target that stops answering', () => {
  it('stops with the first request that got no answer', async () => {
    const dead = await startFixtureServer();
    const baseUrl = dead.baseUrl;
    await dead.close();
    const run = runFuzz(
      { name: 'fixture', spec: fixtureSpec as unknown as Record<string, unknown>, baseUrl, credentials: fixtureCredentials, kind: 'server' },
      { requests: 100, seed: 3, concurrency: 1 },
    );
    await expect(run).rejects.toThrow(/no answer to 12 requests in a row .*ECONNREFUSED.*The first request without an answer: curl /);
  }, 20_000);
});

describe('runFuzz stateful checks', () => {
  it('reports use_after_free when a delete answers 204 but the resource is still there', async () => {
    const broken = await startFixtureServer({ deleteKeepsItem: true });
    try {
      const report = await runFuzz(
        { name: 'fixture', spec: fixtureSpec as unknown as Record<string, unknown>, baseUrl: broken.baseUrl, credentials: fixtureCredentials, kind: 'server' },
        { requests: 40, seed: 11, operations: ['createItem'], maxShrinkRequests: 10 },
      );
      const failure = report.failures.find((f) => f.check === 'use_after_free');
      expect(failure, formatReport(report)).toBeDefined();
      expect(failure!.operationId).toBe('getItem');
      expect(failure!.response.status).toBe(200);
      expect(failure!.generated.class).toBe('stateful');
      expect(failure!.curl).toMatch(/curl .* -X 'GET' .*\/items\/i\d+'$/);
    } finally {
      await broken.close();
    }
  }, 20_000);
});
