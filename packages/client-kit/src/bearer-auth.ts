import type { Middleware } from 'openapi-fetch';
import { defaultHeaderMiddleware } from './default-header.ts';

/**
 * An openapi-fetch middleware that sends an access token as `Authorization: Bearer <token>` (RFC
 * 6750) with every request, e.g. a Onezone client token from `create_client_token`. A request that
 * already carries an `Authorization` header (set per call) keeps it.
 */
export function bearerAuthMiddleware(token: string): Middleware {
  return defaultHeaderMiddleware('Authorization', `Bearer ${token}`);
}
