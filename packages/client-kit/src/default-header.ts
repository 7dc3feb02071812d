import type { Middleware } from 'openapi-fetch';

/**
 * An openapi-fetch middleware that sets the header `name` to `value` on every request that does
 * not already carry it, so a header set on a single call wins over the client's default.
 */
export function defaultHeaderMiddleware(name: string, value: string): Middleware {
  return {
    onRequest({ request }) {
      if (!request.headers.has(name)) request.headers.set(name, value);
      return request;
    },
  };
}
