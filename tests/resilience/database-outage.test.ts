/**
 * The database goes away under load and comes back, as in a PostgreSQL restart or failover: a TCP
 * proxy of the test's own sits between the server and PostgreSQL and is cut (every connection
 * destroyed, new ones dropped) and restored. While cut, every request gets 503 with Retry-After
 * in the API's format (declared in the spec), /health stays 200 and /ready says 503; once restored
 * the same process answers 200 again, and it exits 0 on SIGTERM at the end.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { findTestPostgres } from '@repo/test-kit';
import type { ApiName } from '../support/apis.ts';
import { http } from '../support/http.ts';
import { startLoad, waitUntil } from '../support/load.ts';
import { startServer, type RunningServer } from '../support/start-server.ts';
import { createTestDatabase } from '../support/stores.ts';
import { startTcpProxy, viaProxy, type TcpProxy } from '../support/tcp-proxy.ts';
import { read } from './api-calls.ts';

const pg = await findTestPostgres('database outage tests');

describe.skipIf(!pg.available)('a PostgreSQL outage under load', () => {
  const cleanups: (() => Promise<unknown>)[] = [];
  afterAll(async () => {
    for (const cleanup of cleanups.reverse()) await cleanup().catch(() => undefined);
  });

  async function serverBehindProxy(api: ApiName): Promise<{ server: RunningServer; proxy: TcpProxy }> {
    const database = await createTestDatabase(pg.url, `outage_${api}`);
    cleanups.push(() => database.drop());
    const target = new URL(database.url);
    const proxy = await startTcpProxy({ host: target.hostname, port: Number(target.port || 5432) });
    cleanups.push(() => proxy.close());
    const server = await startServer({ api, databaseUrl: viaProxy(database.url, proxy) });
    cleanups.push(() => server.kill());
    return { server, proxy };
  }

  for (const api of ['camunda', 'onezone'] as const) {
    it(`${api}: answers 503 with Retry-After while the database is cut, 200 once it is back, without a restart`, async () => {
      const { server, proxy } = await serverBehindProxy(api);
      const target = { api, baseUrl: server.baseUrl };
      const load = startLoad(4, async () => (await read(target)).status);
      const statusesSince = (from: number) => load.since(from).map((o) => (o.result.ok ? o.result.value : o.result.error));
      try {
        await waitUntil('the server answers 200 under load', () => statusesSince(0).filter((s) => s === 200).length >= 20);

        proxy.cut();
        const cutAt = load.elapsed();
        await waitUntil('requests get 503', () => statusesSince(cutAt).includes(503)).catch((error: Error) => {
          throw new Error(`${error.message}; got ${JSON.stringify(statusesSince(cutAt).slice(0, 5))}\n${server.log().slice(-3000)}`);
        });
        const firstUnavailable = load.outcomes.find((o) => o.at >= cutAt && o.result.ok && o.result.value === 503)!.at;
        await new Promise((resolve) => setTimeout(resolve, 1500));
        // Every request sent after the first 503 and before the restore got a 503: no 500, no hang,
        // no reset. (One sent before it may still have been answered from before the cut.)
        const duringCut = load.sentSince(firstUnavailable).map((o) => (o.result.ok ? o.result.value : o.result.error));
        expect(duringCut.length).toBeGreaterThan(10);
        expect(new Set(duringCut), JSON.stringify(duringCut.filter((s) => s !== 503).slice(0, 3))).toEqual(new Set([503]));
        const during = await read(target);
        expect([during.status, during.headers['retry-after']]).toEqual([503, '5']);
        expect((await http(`${server.origin}/health`)).status).toBe(200);
        expect((await http(`${server.origin}/ready`)).status).toBe(503);
        expect(proxy.refused).toBeGreaterThan(0);

        proxy.restore();
        const restoredAt = load.elapsed();
        await waitUntil('requests get 200 again', () => statusesSince(restoredAt).includes(200), 20_000);
        expect((await http(`${server.origin}/ready`)).status).toBe(200);
        expect((await read(target)).status).toBe(200);
      } finally {
        await load.stop();
      }
      // Only answers the spec declares for an outage: 200 before and after, 503 between.
      expect(new Set(statusesSince(0))).toEqual(new Set([200, 503]));
      expect(server.alive()).toBe(true);
      expect(server.log()).not.toMatch(/Unhandled 'error' event|"level":50/);
      await server.stop();
    }, 90_000);
  }
});
