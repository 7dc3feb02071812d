import { getPath } from 'hono/utils/url';
import type { Logger } from 'pino';

/**
 * Logs the line of one finished request: method, path (no query string, decoded as Hono's
 * `c.req.path`), status, duration since `startedAt` (`performance.now()`) and request id. Never
 * headers or bodies, which may carry credentials. Nothing is built when the line's level is off
 * (a read's budget is a few dozen microseconds).
 */
export function logRequest(logger: Logger, request: Request, status: number, requestId: string | undefined, startedAt: number): void {
  // 503 is the database being away (its cause is logged once, by the pool), not a bug to page on.
  const level = status >= 500 && status !== 503 ? 'error' : status === 503 ? 'warn' : 'info';
  if (!logger.isLevelEnabled(level)) return;
  const line = {
    requestId,
    method: request.method,
    path: getPath(request),
    status,
    durationMs: Math.round((performance.now() - startedAt) * 100) / 100,
  };
  logger[level](line, level === 'error' ? 'request failed' : level === 'warn' ? 'request refused: service unavailable' : 'request');
}
