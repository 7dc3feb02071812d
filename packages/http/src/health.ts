import { Hono } from 'hono';
import type { Logger } from 'pino';

export interface HealthOptions {
  /**
   * Whether this process can serve: the database answers and its migrations are applied (a store's
   * `ready()`); rejects otherwise.
   */
  ready: () => Promise<unknown>;
  /** Fail the readiness check when it takes longer than this (default 2000 ms). */
  timeoutMs?: number;
  logger?: Logger;
}

/**
 * A Hono app with the two probes, to mount outside the API base path
 * (`app.route('/', createHealthApp({ ready: () => store.ready() }))`):
 *
 * - `GET /health`, liveness: 200 `{"status":"ok"}` whenever the process serves at all. It never
 *   looks at the database, so an orchestrator does not restart a healthy process for an outage
 *   that a restart cannot fix.
 * - `GET /ready`, readiness: 200 `{"status":"ready"}` when the database answers and is migrated,
 *   else 503 `{"status":"unavailable"}` (the cause goes to the log, not to the caller), so a load
 *   balancer sends traffic elsewhere meanwhile.
 */
export function createHealthApp({ ready, timeoutMs = 2000, logger }: HealthOptions): Hono {
  const app = new Hono();
  app.get('/health', (c) => {
    c.header('Cache-Control', 'no-store');
    return c.json({ status: 'ok' as const }, 200);
  });
  app.get('/ready', async (c) => {
    c.header('Cache-Control', 'no-store');
    try {
      await withTimeout(ready(), timeoutMs);
      return c.json({ status: 'ready' as const }, 200);
    } catch (error) {
      logger?.warn({ err: error }, 'readiness check failed');
      return c.json({ status: 'unavailable' as const }, 503);
    }
  });
  return app;
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`readiness check timed out after ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
