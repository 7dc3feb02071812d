import { Hono } from 'hono';
import type { Logger } from 'pino';

export interface HealthOptions {
  /** A cheap round trip to the database (`select 1`); a store's `ping()`. */
  ping: () => Promise<unknown>;
  /** Fail the check when the ping takes longer than this (default 2000 ms). */
  timeoutMs?: number;
  logger?: Logger;
}

/**
 * A Hono app answering `GET /health`: 200 `{"status":"ok"}` when the database answers, else 503
 * `{"status":"unavailable"}` (the cause goes to the log, not to the caller). Mount it outside the
 * API base path: `app.route('/', createHealthApp({ ping: () => store.ping() }))`.
 */
export function createHealthApp({ ping, timeoutMs = 2000, logger }: HealthOptions): Hono {
  const app = new Hono();
  app.get('/health', async (c) => {
    c.header('Cache-Control', 'no-store');
    try {
      await withTimeout(ping(), timeoutMs);
      return c.json({ status: 'ok' as const }, 200);
    } catch (error) {
      logger?.error({ err: error }, 'health check failed');
      return c.json({ status: 'unavailable' as const }, 503);
    }
  });
  return app;
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`database ping timed out after ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
