import type { Middleware } from 'openapi-fetch';
import { defaultHeaderMiddleware } from './default-header.ts';

/** A username and password for HTTP basic authentication. */
export interface BasicCredentials {
  /** The login name; may contain any Unicode character except `:`. */
  username: string;
  /** The password; any Unicode string. */
  password: string;
}

/**
 * The `Authorization` header value for HTTP basic authentication: `Basic base64(utf8(user:pass))`.
 *
 * Encodes the credentials as UTF-8 first (RFC 7617 `charset="UTF-8"`), so non-Latin-1 characters
 * work; plain `btoa(user + ':' + pass)` would throw on them. Uses only `TextEncoder` and `btoa`,
 * so it runs in browsers as well as in Node.
 */
export function basicAuthorization({ username, password }: BasicCredentials): string {
  const bytes = new TextEncoder().encode(`${username}:${password}`);
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return `Basic ${btoa(binary)}`;
}

/**
 * An openapi-fetch middleware that sends HTTP basic credentials with every request. A request
 * that already carries an `Authorization` header (set per call) keeps it, so a single call can
 * try other credentials.
 */
export function basicAuthMiddleware(credentials: BasicCredentials): Middleware {
  return defaultHeaderMiddleware('Authorization', basicAuthorization(credentials));
}
