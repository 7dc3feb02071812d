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
  const raw = (c.env as NodeBindings | undefined)?.incoming?.headers;
  if (raw === undefined) return c.req.header(lowerName);
  const value = raw[lowerName];
  // Node keeps set-cookie as an array and joins every other repeated header with ", ".
  return Array.isArray(value) ? value.join(', ') : value;
}
