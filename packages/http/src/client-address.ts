import type { Context } from 'hono';
import { isIP } from 'node:net';

/** What {@link clientAddress} answers when there is no socket (`app.request()` in tests). */
export const UNKNOWN_ADDRESS = 'unknown';

/**
 * The client's IP address, for the sign-in throttle. With `trustProxyHops` = 0 (the default) the
 * peer of the socket; behind N trusted proxies that each append the address they saw to
 * `X-Forwarded-For`, the entry N places from the right (what the outermost trusted proxy saw).
 * Entries further left are the client's own claims and never trusted.
 */
export function clientAddress(c: Context, trustProxyHops = 0): string {
  const incoming = (c.env as { incoming?: { socket?: { remoteAddress?: string } } } | undefined)?.incoming;
  const peer = incoming?.socket?.remoteAddress ?? UNKNOWN_ADDRESS;
  if (trustProxyHops <= 0) return peer;
  const forwarded = (c.req.header('x-forwarded-for') ?? '').split(',').map((part) => part.trim());
  const candidate = forwarded.length >= trustProxyHops ? forwarded[forwarded.length - trustProxyHops] : undefined;
  return candidate !== undefined && isIP(candidate) !== 0 ? candidate : peer;
}
