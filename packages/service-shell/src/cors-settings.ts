import type { CommonServerConfig } from '@repo/config';

const LOCALHOST_ORIGIN = /^https?:\/\/(localhost|127\.0\.0\.1|\[::1\])(:\d{1,5})?$/;
const METHODS = ['get', 'put', 'post', 'delete', 'patch', 'head'] as const;

interface SpecShape {
  paths?: Record<string, Record<string, unknown>>;
  components?: { securitySchemes?: Record<string, { type?: string; in?: string; name?: string }> };
}

/** What hono/cors needs, with methods and request headers taken from the spec. */
export interface CorsSettings {
  origin: string | ((origin: string) => string | null);
  allowMethods: string[];
  allowHeaders: string[];
  exposeHeaders: string[];
  maxAge: number;
}

/**
 * CORS for a browser client of the spec: the methods its paths use, the headers its security
 * schemes read (`Authorization`, an API key header) plus the ones every operation takes, and the
 * response headers a client reads (`Location`, the challenges, `Retry-After`, the request id).
 * Origins: `CORS_ORIGINS` (`*` or a list); unset, any localhost origin (a dev server).
 */
export function corsSettings(spec: Record<string, unknown>, origins: CommonServerConfig['corsOrigins']): CorsSettings {
  const { paths = {}, components } = spec as SpecShape;
  const methods = new Set<string>(['OPTIONS']);
  for (const item of Object.values(paths)) for (const method of METHODS) if (item[method] !== undefined) methods.add(method.toUpperCase());
  const headers = new Set(['Content-Type', 'Prefer', 'X-Request-Id']);
  for (const scheme of Object.values(components?.securitySchemes ?? {})) {
    if (scheme.type === 'http') headers.add('Authorization');
    if (scheme.type === 'apiKey' && scheme.in === 'header' && scheme.name !== undefined) headers.add(scheme.name);
  }
  return {
    origin: corsOrigin(origins),
    allowMethods: [...methods],
    allowHeaders: [...headers],
    exposeHeaders: ['Location', 'X-Request-Id', 'WWW-Authenticate', 'Retry-After'],
    maxAge: 600,
  };
}

function corsOrigin(origins: CommonServerConfig['corsOrigins']): CorsSettings['origin'] {
  if (origins === '*') return '*';
  if (origins === undefined) return (origin) => (LOCALHOST_ORIGIN.test(origin) ? origin : null);
  const allowed = new Set(origins);
  return (origin) => (allowed.has(origin) ? origin : null);
}
