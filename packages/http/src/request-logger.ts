import type { MiddlewareHandler } from 'hono';
import type { Logger } from 'pino';

const REQUEST_ID = /^[\w.:-]{1,128}$/;

/**
 * Hono middleware logging one line per request: method, path (no query string), status, duration
 * and request id (`c.var.requestId`, set by hono's `requestId()` middleware, else a well-formed
 * `X-Request-Id` header). Never headers or bodies, which may carry credentials.
 */
export function requestLogger(logger: Logger): MiddlewareHandler {
  return async (c, next) => {
    const started = performance.now();
    try {
      await next();
    } finally {
      const fromVar = (c.var as Record<string, unknown>)['requestId'];
      const header = c.req.header('x-request-id');
      const requestId = typeof fromVar === 'string' ? fromVar : header && REQUEST_ID.test(header) ? header : undefined;
      const status = c.res.status;
      const line = {
        requestId,
        method: c.req.method,
        path: c.req.path,
        status,
        durationMs: Math.round((performance.now() - started) * 100) / 100,
      };
      // 503 is the database being away (its cause is logged once, by the pool), not a bug to page on.
      if (status >= 500 && status !== 503) logger.error(line, 'request failed');
      else if (status === 503) logger.warn(line, 'request refused: service unavailable');
      else logger.info(line, 'request');
    }
  };
}
