import type { AddressInfo } from 'node:net';
import type { Server, ServerResponse } from 'node:http';
import { serve } from '@hono/node-server';
import type { Logger } from 'pino';
import type { ServingLimits } from './common-server-config.ts';

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
  const port = (server.address() as AddressInfo).port;
  const inFlight = new Set<ServerResponse>();
  server.on('request', (_req, res: ServerResponse) => {
    inFlight.add(res);
    res.once('close', () => inFlight.delete(res));
  });
  const shownHost = hostname === '0.0.0.0' || hostname === '::' ? 'localhost' : hostname;
  const url = `http://${shownHost.includes(':') ? `[${shownHost}]` : shownHost}:${port}`;
  logger.info({ url, hostname, port }, `listening on ${url}`);

  let closing: Promise<void> | undefined;
  const close = () => (closing ??= shutdown());

  async function shutdown(): Promise<void> {
    logger.info('shutting down: finishing in-flight requests');
    await stopServer(server, inFlight, shutdownTimeoutMs, logger);
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

function stopServer(server: Server, inFlight: ReadonlySet<ServerResponse>, timeoutMs: number, logger: Logger): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      logger.warn({ timeoutMs }, 'grace period over: closing remaining connections');
      server.closeAllConnections();
    }, timeoutMs);
    timer.unref();
    // close() refuses new connections and ends idle keep-alive ones, but a connection whose request
    // is in flight would stay open until its keep-alive timeout: end each as its response finishes.
    const endIdle = () => setImmediate(() => server.closeIdleConnections());
    for (const response of inFlight) response.once('close', endIdle);
    server.on('request', (_req, res: ServerResponse) => {
      if (!res.headersSent) res.setHeader('Connection', 'close');
      res.once('close', endIdle);
    });
    server.close((error) => {
      clearTimeout(timer);
      if (error && (error as NodeJS.ErrnoException).code !== 'ERR_SERVER_NOT_RUNNING') reject(error);
      else resolve();
    });
    server.closeIdleConnections();
  });
}
