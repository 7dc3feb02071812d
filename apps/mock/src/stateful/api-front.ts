/**
 * How a mock answers on its port: requests under the API's base path go straight to the runtime
 * app that `createApp` built (`api.app`: validation, authentication, the real handlers, the
 * API's error mapper), everything else (`/health`, `/docs`) to the whole server app.
 *
 * Why not the whole app for everything: its HTTP shell is for production (a request log line,
 * request ids, a read scope, CORS for the configured origins only). When the shell's CORS ran on
 * every request it turned each response into a full Fetch `Response` that was then streamed out,
 * about two thirds of a Camunda search's CPU in a profile. The mock answers browsers from any origin
 * (as Prism does) with its own CORS, applied only to requests that carry `Origin`.
 */
import { Hono } from 'hono';
import { cors } from 'hono/cors';
import { fetchRequestHeader } from '@repo/hono-openapi';

/** A fetch handler that passes @hono/node-server's `env` on. */
export type Fetch = (request: Request, env?: unknown) => Response | Promise<Response>;

/** CORS for any origin, with the request and response headers the clients and the demo page use. */
export const mockCors = cors({
  origin: '*',
  allowMethods: ['GET', 'POST', 'DELETE', 'OPTIONS'],
  allowHeaders: ['Authorization', 'Content-Type', 'Prefer', 'X-Request-Id'],
  exposeHeaders: ['Location', 'X-Request-Id', 'WWW-Authenticate'],
  maxAge: 600,
});

/** `api` under `basePath` (with {@link mockCors} for browsers), `rest` for every other path. */
export function apiFront(basePath: string, api: Fetch, rest: Fetch): Fetch {
  const browser = new Hono();
  browser.use(mockCors);
  browser.all('*', (c) => api(c.req.raw, c.env));
  return (request, env) => {
    const path = pathOf(request.url);
    if (path !== basePath && !path.startsWith(`${basePath}/`)) return rest(request, env);
    return fetchRequestHeader(request, env, 'origin') === undefined ? api(request, env) : browser.fetch(request, env);
  };
}

/** The path of an absolute URL, without query, cheaper than `new URL()` on every request. */
export function pathOf(url: string): string {
  const start = url.indexOf('/', url.indexOf('//') + 2);
  if (start < 0) return '/';
  const end = url.indexOf('?', start);
  return end < 0 ? url.slice(start) : url.slice(start, end);
}
