import type { Context, MiddlewareHandler } from 'hono';
import type { Logger } from 'pino';

const REQUEST_ID = /^[\w.:-]{1,128}$/;

/**
 * Logs the line of one finished request: method, path (no query string), status, duration since
 * `startedAt` (`performance.now()`) and request id (`c.var.requestId`, else a well-formed
 * `X-Request-Id` header). Never headers or bodies, which may carry credentials. Nothing is built
 * when the line's level is off (a read's budget is a few dozen microseconds).
 */
export function logRequest(logger: Logger, c: Context, startedAt: number): void {
  const status = c.res.status;
  // 503 is the database being away (its cause is logged once, by the pool), not a bug to page on.
  const level = status >= 500 && status !== 503 ? 'error' : status === 503 ? 'warn' : 'info';
  if (!logger.isLevelEnabled(level)) return;
  const fromVar = (c.var as Record<string, unknown>)['requestId'];
  const header = c.req.header('x-request-id');
  const requestId = typeof fromVar === 'string' ? fromVar : header && REQUEST_ID.test(header) ? header : undefined;
  const line = {
    requestId,
    method: c.req.method,
    path: c.req.path,
    status,
    durationMs: Math.round((performance.now() - startedAt) * 100) / 100,
  };
  logger[level](line, level === 'error' ? 'request failed' : level === 'warn' ? 'request refused: service unavailable' : 'request');
}

/** Hono middleware logging one line per request ({@link logRequest}). */
export function requestLogger(logger: Logger): MiddlewareHandler {
  return async (c, next) => {
    const started = performance.now();
    try {
      await next();
    } finally {
      logRequest(logger, c, started);
    }
  };
}
