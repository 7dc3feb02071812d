/**
 * The origin a server builds its absolute URLs from (Onezone's `Location`, Camunda's problem
 * `instance`). Never the client's `Host` as sent: a Host header is whatever the client wrote, so
 * echoing it lets anyone make the server hand out links to another site (or to garbage).
 *
 * - `PUBLIC_BASE_URL` set (behind a proxy, under a public name): that, always.
 * - Unset: the request's Host only when it names the address the connection was accepted on —
 *   the same port, and the same address, or a loopback name (`localhost`, `127.x.y.z`, `[::1]`)
 *   when that address is loopback. Anything else gets the listening address itself.
 */
import type { Context } from 'hono';

interface SocketInfo {
  readonly localAddress?: string | undefined;
  readonly localPort?: number | undefined;
  readonly encrypted?: boolean;
}

interface NodeBindings {
  readonly incoming?: {
    readonly headers?: Readonly<Record<string, string | string[] | undefined>>;
    readonly socket?: SocketInfo;
  };
}

/** `host[:port]` of a Host header, IPv6 literals unbracketed; undefined when it is not one. */
export function parseHostHeader(value: string): { host: string; port: number | undefined } | undefined {
  const match = /^(?:\[([0-9a-f:.]+)\]|([a-z0-9.-]+))(?::(\d{1,5}))?$/i.exec(value);
  if (match === null) return undefined;
  const port = match[3] === undefined ? undefined : Number(match[3]);
  if (port !== undefined && port > 65_535) return undefined;
  return { host: (match[1] ?? match[2] ?? '').toLowerCase(), port };
}

/** `::ffff:127.0.0.1` (an IPv4 client of a dual-stack socket) → `127.0.0.1`. */
function plainAddress(address: string): string {
  return address.toLowerCase().startsWith('::ffff:') && address.includes('.') ? address.slice(7) : address.toLowerCase();
}

function isLoopbackAddress(address: string): boolean {
  return address === '::1' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(address);
}

function isLoopbackName(host: string): boolean {
  return host === 'localhost' || isLoopbackAddress(host);
}

function formatHost(address: string): string {
  return address.includes(':') ? `[${address}]` : address;
}

/**
 * The origin (`scheme://host[:port]`, or `PUBLIC_BASE_URL` with its path) for absolute URLs in a
 * response to this request. Without a socket (`app.request()` in tests) the request URL's origin
 * is used: nothing came over the network.
 *
 * @param publicBaseUrl - the configured public root, without a trailing slash; undefined when unset.
 */
export function publicOrigin(c: Context, publicBaseUrl: string | undefined): string {
  if (publicBaseUrl !== undefined) return publicBaseUrl;
  const incoming = (c.env as NodeBindings | undefined)?.incoming;
  const socket = incoming?.socket;
  if (socket?.localAddress === undefined || socket.localPort === undefined) return new URL(c.req.url).origin;
  const scheme = socket.encrypted === true ? 'https' : 'http';
  const local = plainAddress(socket.localAddress);
  const listening = `${scheme}://${formatHost(local)}:${socket.localPort}`;
  const header = incoming?.headers?.['host'];
  const parsed = typeof header === 'string' ? parseHostHeader(header) : undefined;
  if (parsed === undefined) return listening;
  const port = parsed.port ?? (scheme === 'https' ? 443 : 80);
  const sameAddress = plainAddress(parsed.host) === local || (isLoopbackAddress(local) && isLoopbackName(parsed.host));
  if (port !== socket.localPort || !sameAddress) return listening;
  return `${scheme}://${formatHost(parsed.host)}${parsed.port === undefined ? '' : `:${parsed.port}`}`;
}
