import { STATUS_CODES, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { serve } from '@hono/node-server';
import type { Logger } from 'pino';
import type { ServingLimits } from '@repo/config';

/** How often a stopping server ends the connections whose last response has gone out. */
const SWEEP_MS = 25;

/** What a server without configured limits uses (see {@link ServingLimits}). */
export const DEFAULT_SERVING_LIMITS: ServingLimits = {
  requestTimeoutMs: 30_000,
  headersTimeoutMs: 10_000,
  keepAliveTimeoutMs: 5000,
  maxConnections: 1024,
};

export interface ServeAppOptions {
  /** Anything with Hono's `fetch(request, env)`: a Hono app. */
  app: { fetch: (request: Request, env: any) => Response | Promise<Response> };
  /** 0 lets the OS pick a free port (tests); the chosen one is on the handle. */
  port: number;
  /** Interface to bind; default `0.0.0.0`. */
  hostname?: string;
  logger: Logger;
  /** Runs once the server has stopped taking requests, e.g. to close the database. */
  onShutdown?: () => Promise<void>;
  /** How long in-flight requests may take to finish before their connections are cut (default 10 s). */
  shutdownTimeoutMs?: number;
  /** Install SIGTERM/SIGINT handlers that shut down and exit (default true; tests pass false). */
  handleSignals?: boolean;
  /** Timeouts and connection cap; each defaults to {@link DEFAULT_SERVING_LIMITS}. */
  limits?: Partial<ServingLimits> | undefined;
  /**
   * The answer, in the API's own error format, to a request Node's HTTP parser refuses before any
   * app code runs (a NUL or other invalid byte in a header, a malformed request line, headers over
   * the size limit). Without it Node answers a bare 400 or 431 with no body. See {@link ClientErrorReason}.
   */
  clientErrorResponse?: ((reason: ClientErrorReason) => ClientErrorResponse) | undefined;
}

/**
 * Why Node's HTTP parser refused a request: `headersTooLarge` when the head exceeds Node's header
 * size limit (`HPE_HEADER_OVERFLOW`, which Node answers 431), `malformed` for everything else.
 */
export type ClientErrorReason = 'malformed' | 'headersTooLarge';

/** A complete error response for a refused request; `body` is sent as JSON. */
export interface ClientErrorResponse {
  status: number;
  contentType: string;
  body: unknown;
}

/** A listening server. */
export interface ServedApp {
  port: number;
  /** `http://localhost:<port>` (or the bound host), no trailing slash. */
  url: string;
  /**
   * Stops accepting connections, lets in-flight requests finish (cut after the grace timeout),
   * then runs `onShutdown`. Idempotent; does not exit the process.
   */
  close(): Promise<void>;
}

/**
 * Serves a Hono app on Node. On SIGTERM or SIGINT: stop accepting, finish in-flight requests,
 * run `onShutdown`, exit 0 (1 when shutting down failed; a second signal exits at once).
 */
export async function serveApp(options: ServeAppOptions): Promise<ServedApp> {
  const { logger, hostname = '0.0.0.0', shutdownTimeoutMs = 10_000 } = options;
  const limits = { ...DEFAULT_SERVING_LIMITS, ...options.limits };
  const server = (await listen(options.app, options.port, hostname, limits)) as Server;
  // Beyond the cap Node closes new connections at once: a flood of idle sockets cannot exhaust
  // memory or file descriptors, and the clients already served keep their connections.
  server.maxConnections = limits.maxConnections;
  if (options.clientErrorResponse) server.on('clientError', clientErrorHandler(options.clientErrorResponse, logger));
  const port = (server.address() as AddressInfo).port;
  const shownHost = hostname === '0.0.0.0' || hostname === '::' ? 'localhost' : hostname;
  const url = `http://${shownHost.includes(':') ? `[${shownHost}]` : shownHost}:${port}`;
  logger.info({ url, hostname, port }, `listening on ${url}`);

  let closing: Promise<void> | undefined;
  const close = () => (closing ??= shutdown());

  async function shutdown(): Promise<void> {
    logger.info('shutting down: finishing in-flight requests');
    await stopServer(server, shutdownTimeoutMs, logger);
    try {
      await options.onShutdown?.();
    } finally {
      process.off('SIGTERM', onSignal);
      process.off('SIGINT', onSignal);
    }
    logger.info('shut down');
  }

  const onSignal = (signal: NodeJS.Signals) => {
    if (closing) {
      logger.warn({ signal }, 'second signal: exiting now');
      process.exit(1);
    }
    logger.info({ signal }, 'signal received');
    // A hung onShutdown must not keep a stopped server alive forever.
    setTimeout(() => {
      logger.error('shutdown took too long: exiting');
      process.exit(1);
    }, shutdownTimeoutMs + 5_000).unref();
    close().then(
      () => process.exit(0),
      (error: unknown) => {
        logger.error({ err: error }, 'shutdown failed');
        process.exit(1);
      },
    );
  };
  // Kept while shutting down, so that a second signal forces the exit.
  if (options.handleSignals ?? true) {
    process.on('SIGTERM', onSignal);
    process.on('SIGINT', onSignal);
  }

  return { port, url, close };
}

function listen(app: ServeAppOptions['app'], port: number, hostname: string, limits: ServingLimits): Promise<ReturnType<typeof serve>> {
  const serverOptions = {
    // A request whose headers or body never finish arriving gets 408 and its connection closed
    // (Node's defaults, 300 s for the request, let a slow client hold a connection for minutes).
    requestTimeout: limits.requestTimeoutMs,
    headersTimeout: Math.min(limits.headersTimeoutMs, limits.requestTimeoutMs),
    keepAliveTimeout: limits.keepAliveTimeoutMs,
    // Node checks those timeouts on this interval (default 30 s); check often enough that a timeout
    // is enforced within a quarter of itself.
    connectionsCheckingInterval: Math.max(50, Math.min(5000, Math.floor(Math.min(limits.headersTimeoutMs, limits.requestTimeoutMs) / 4))),
  };
  return new Promise((resolve, reject) => {
    const server = serve({ fetch: app.fetch, port, hostname, serverOptions }, () => {
      server.off('error', reject);
      resolve(server);
    });
    server.once('error', reject);
  });
}

/** Node's bare answer to a request that timed out (installing a `clientError` listener turns Node's own off). */
const REQUEST_TIMEOUT_RESPONSE = 'HTTP/1.1 408 Request Timeout\r\nConnection: close\r\n\r\n';

/**
 * A `clientError` listener answering parser refusals with `respond`'s response. What Node does
 * otherwise is kept: a reset or unwritable socket, or one whose in-flight response has already
 * started, is only destroyed (writing would corrupt what the peer reads); a request timeout gets
 * Node's bare 408.
 */
function clientErrorHandler(respond: (reason: ClientErrorReason) => ClientErrorResponse, logger: Logger) {
  return (error: NodeJS.ErrnoException, socket: Socket): void => {
    const inFlight = (socket as Socket & { _httpMessage?: ServerResponse | null })._httpMessage;
    if (error.code === 'ECONNRESET' || !socket.writable || inFlight?.headersSent) {
      socket.destroy();
      return;
    }
    if (error.code === 'ERR_HTTP_REQUEST_TIMEOUT') {
      socket.end(REQUEST_TIMEOUT_RESPONSE, () => socket.destroy());
      return;
    }
    const reason: ClientErrorReason = error.code === 'HPE_HEADER_OVERFLOW' ? 'headersTooLarge' : 'malformed';
    logger.debug({ code: error.code, reason }, 'refused a request the HTTP parser could not read');
    const { status, contentType, body } = respond(reason);
    const payload = Buffer.from(JSON.stringify(body));
    const head =
      `HTTP/1.1 ${status} ${STATUS_CODES[status] ?? 'Error'}\r\n` +
      `Content-Type: ${contentType}\r\nContent-Length: ${payload.byteLength}\r\nConnection: close\r\n\r\n`;
    socket.end(Buffer.concat([Buffer.from(head, 'latin1'), payload]), () => socket.destroy());
  };
}

function stopServer(server: Server, timeoutMs: number, logger: Logger): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      logger.warn({ timeoutMs }, 'grace period over: closing remaining connections');
      server.closeAllConnections();
    }, timeoutMs);
    timer.unref();
    // close() refuses new connections and ends idle keep-alive ones, but a connection whose request
    // is in flight would stay open until its keep-alive timeout: idle ones are swept until all are
    // gone. A sweep, not a 'close' listener on every response: tracking responses cost every
    // request a Set entry and a listener, for the one moment of shutdown.
    const sweep = setInterval(() => server.closeIdleConnections(), SWEEP_MS);
    sweep.unref();
    server.on('request', (_req, res: ServerResponse) => {
      if (!res.headersSent) res.setHeader('Connection', 'close');
    });
    server.close((error) => {
      clearTimeout(timer);
      clearInterval(sweep);
      if (error && (error as NodeJS.ErrnoException).code !== 'ERR_SERVER_NOT_RUNNING') reject(error);
      else resolve();
    });
    server.closeIdleConnections();
  });
}
