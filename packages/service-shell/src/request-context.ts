import type { Context, MiddlewareHandler } from 'hono';
import type { Logger } from '@repo/config';
import { logRequest } from '@repo/http';
import { randomRequestId, requestHeader } from '@repo/hono-openapi';

/** What {@link requestContext} gives every request. */
export interface RequestContextOptions {
  /** Kept on the context for `publicRoot(c)`. */
  publicBaseUrl: string | undefined;
  /** Opens the store's read scope for the request (see `ServiceAppOptions.readScope`). */
  readScope: (() => () => void) | undefined;
  /** hono/cors, configured from the spec: run for browsers (requests with `Origin`) only. */
  cors: MiddlewareHandler;
  /** The API's base path: the runtime puts `X-Request-Id` on every response it builds under it. */
  apiBasePath: string;
  logger: Logger;
}

/** The name under which the shell keeps `PUBLIC_BASE_URL` on each request's context. */
export const PUBLIC_BASE_URL = 'publicBaseUrl';

// hono/request-id's rule for an id the caller sends, kept so that callers' ids pass as before.
const CALLERS_ID = /^[\w\-=]{1,255}$/;

/**
 * Everything the shell does around each request, as one middleware: one async layer instead of
 * four (base URL and read scope, request id, request log, CORS), which a read's profile showed
 * among its largest costs after the socket write. The request id is the caller's `X-Request-Id`
 * when well formed, else a new one, kept as `c.var.requestId`, where the runtime takes it for
 * its responses, its logs and a 500's detail. The header is set here only for answers the runtime
 * does not build (`/health`, `/ready`, `/docs`, CORS preflights): `c.header()` makes Hono allocate
 * a `Headers` object, and the runtime's answers carry the id in a plain record already.
 */
export function requestContext(options: RequestContextOptions): MiddlewareHandler {
  const { publicBaseUrl, readScope, cors, apiBasePath, logger } = options;
  const set = (c: Context, key: string, value: unknown) => (c.set as (key: string, value: unknown) => void)(key, value);
  return async (c, next) => {
    const started = performance.now();
    set(c, PUBLIC_BASE_URL, publicBaseUrl);
    // Node's parsed headers, as the runtime reads them: @hono/node-server's c.req.header() checks
    // the name and value again with regular expressions, on every request.
    const sent = requestHeader(c, 'x-request-id');
    const id = sent !== undefined && CALLERS_ID.test(sent) ? sent : randomRequestId();
    set(c, 'requestId', id);
    const origin = requestHeader(c, 'origin');
    if (origin !== undefined || !underBase(c.req.path, apiBasePath)) c.header('X-Request-Id', id);
    const close = readScope?.();
    try {
      if (origin === undefined) await next();
      else {
        // A preflight is answered by hono/cors itself, as its return value.
        const preflight = await cors(c, next);
        if (preflight instanceof Response) c.res = preflight;
      }
    } finally {
      close?.();
      logRequest(logger, c, started);
    }
  };
}

function underBase(path: string, base: string): boolean {
  return base === '' || path === base || (path.startsWith(base) && path.charCodeAt(base.length) === 0x2f);
}
