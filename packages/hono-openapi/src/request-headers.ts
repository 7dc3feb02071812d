/**
 * Reads request headers without building a Fetch `Headers` object when served by
 * @hono/node-server: its lightweight Request creates one on first `c.req.header()`, which costs
 * more than everything else the runtime does for a small request. Node's own parsed headers
 * (`c.env.incoming.headers`, lower-cased) are used when present; `app.request()` and other
 * runtimes fall back to `c.req.header()`.
 */
import type { Context } from 'hono';

interface NodeBindings {
  readonly incoming?: { readonly headers?: Readonly<Record<string, string | string[] | undefined>> };
}

/** The value of a request header; `lowerName` must be lower-case. */
export function requestHeader(c: Context, lowerName: string): string | undefined {
  return fetchRequestHeader(c.req.raw, c.env, lowerName);
}

/** {@link requestHeader} before Hono has made a context: from the request and the bindings a fetch handler is called with. */
export function fetchRequestHeader(request: Request, env: unknown, lowerName: string): string | undefined {
  const raw = (env as NodeBindings | undefined)?.incoming?.headers;
  if (raw === undefined) return request.headers.get(lowerName) ?? undefined;
  const value = raw[lowerName];
  // Node keeps set-cookie as an array and joins every other repeated header with ", ".
  return Array.isArray(value) ? value.join(', ') : value;
}
