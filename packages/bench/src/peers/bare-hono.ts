/**
 * Peer: bare Hono on @hono/node-server, the baseline. Serves the routes of the JSON file named by
 * `BENCH_ROUTES` ({@link BareRoute}[]): each answers its recorded JSON, serialized per request as a
 * real route's is; a route with `readsBody` parses the request's JSON first. No validation, no
 * authentication: the floor a framework-based server can reach on this machine.
 */
import { readFileSync } from 'node:fs';
import { serve } from '@hono/node-server';
import { Hono } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { peerPort } from './validated-post.ts';

/** One route of the bare server. */
export interface BareRoute {
  method: 'GET' | 'POST';
  path: string;
  status: number;
  body: unknown;
  readsBody?: boolean;
}

const routes = JSON.parse(readFileSync(process.env['BENCH_ROUTES'] ?? '', 'utf8')) as BareRoute[];
const app = new Hono();
for (const route of routes) {
  const status = route.status as ContentfulStatusCode;
  if (route.readsBody) {
    app.on(route.method, route.path, async (c) => {
      await c.req.json();
      return c.json(route.body, status);
    });
  } else {
    app.on(route.method, route.path, (c) => c.json(route.body, status));
  }
}
const server = serve({ fetch: app.fetch, port: peerPort(), hostname: '127.0.0.1' });
process.once('SIGTERM', () => server.close(() => process.exit(0)));
