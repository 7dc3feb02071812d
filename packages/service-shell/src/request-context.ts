import type { Context } from 'hono';
import { getPath } from 'hono/utils/url';
import type { Logger } from '@repo/config';
import { logRequest } from '@repo/http';
import { fetchRequestHeader, randomRequestId } from '@repo/hono-openapi';

/** A fetch handler as Hono and @hono/node-server call it: the request and the runtime's bindings. */
export type FetchHandler = (request: Request, env?: unknown) => Response | Promise<Response>;

/** What {@link withRequestContext} gives every request. */
export interface RequestContextOptions {
  /** The routes for callers without `Origin` (servers, scripts, tests): no middleware in front. */
  serve: FetchHandler;
  /** The same routes behind hono/cors, for browsers (requests with `Origin`). */
  serveBrowser: FetchHandler;
  /** Kept in the bindings for `publicRoot(c)`. */
  publicBaseUrl: string | undefined;
  /** Opens the store's read scope for the request (see `ServiceAppOptions.readScope`). */
  readScope: (() => () => void) | undefined;
  /** The API's base path: the runtime puts `X-Request-Id` on every response it builds under it. */
  apiBasePath: string;
  logger: Logger;
}

/**
 * What the shell adds to each request's bindings (`c.env`; under @hono/node-server, beside
 * `incoming` and `outgoing`). Bindings, not `c.set()`: they are there before Hono builds the
 * context, so no middleware has to run to put them there.
 */
export interface ShellBindings {
  /** The caller's well-formed `X-Request-Id`, else a new one. */
  requestId?: string;
  /** `PUBLIC_BASE_URL`, undefined when unset. */
  publicBaseUrl?: string | undefined;
}

// hono/request-id's rule for an id the caller sends, kept so that callers' ids pass as before.
const CALLERS_ID = /^[\w\-=]{1,255}$/;

/** The request id the shell chose for this request; a new one where the shell did not run (a bare `api.app`). */
export function shellRequestId(c: Context): string {
  return (c.env as ShellBindings | undefined)?.requestId ?? randomRequestId();
}

/** `PUBLIC_BASE_URL` as the shell passed it in this request's bindings. */
export function shellPublicBaseUrl(c: Context): string | undefined {
  return (c.env as ShellBindings | undefined)?.publicBaseUrl;
}

/**
 * Everything the shell does around each request (request id, read scope, request log, CORS for
 * browsers), around the app's fetch rather than as Hono middleware: with a middleware on `*`,
 * every API route has two handlers and Hono runs them through `compose` and its promises
 * (`get_user` answered 4 % more requests without them, in A/B runs of the built server). The
 * request id is the caller's `X-Request-Id` when well formed, else a new one, passed in the
 * bindings, where the runtime takes it for its responses, its logs and a 500's detail. The header
 * is set here only on answers the runtime does not build (`/health`, `/ready`, `/docs`, CORS
 * preflights): touching a response's headers turns @hono/node-server's cheap response into a full
 * one, and the runtime's answers carry the id already.
 */
export function withRequestContext(options: RequestContextOptions): FetchHandler {
  const { serve, serveBrowser, publicBaseUrl, readScope, apiBasePath, logger } = options;
  return (request, env) => {
    const started = performance.now();
    const bindings = (env ?? {}) as ShellBindings;
    const sent = fetchRequestHeader(request, bindings, 'x-request-id');
    const id = sent !== undefined && CALLERS_ID.test(sent) ? sent : randomRequestId();
    bindings.requestId = id;
    bindings.publicBaseUrl = publicBaseUrl;
    const browser = fetchRequestHeader(request, bindings, 'origin') !== undefined;
    const close = readScope?.();
    const finish = (response: Response): Response => {
      close?.();
      if ((browser || !underBase(getPath(request), apiBasePath)) && !response.headers.has('x-request-id')) response.headers.set('X-Request-Id', id);
      logRequest(logger, request, response.status, id, started);
      return response;
    };
    let answer: Response | Promise<Response>;
    try {
      answer = (browser ? serveBrowser : serve)(request, bindings);
    } catch (error) {
      // Hono answers a handler's throw through onError; a throw here is the app's own failure.
      close?.();
      logRequest(logger, request, 500, id, started);
      throw error;
    }
    if (!(answer instanceof Promise)) return finish(answer);
    return answer.then(finish, (error: unknown) => {
      close?.();
      logRequest(logger, request, 500, id, started);
      throw error;
    });
  };
}

function underBase(path: string, base: string): boolean {
  return base === '' || path === base || (path.startsWith(base) && path.charCodeAt(base.length) === 0x2f);
}
