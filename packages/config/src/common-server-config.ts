import { resolve } from 'node:path';
import { ConfigError, readEnum, readInt, readOptionalString, readString, readUrl, type Env } from './env.ts';
import { LOG_FORMATS, LOG_LEVELS, type LogFormat, type LogLevel } from './logger.ts';
import { readPasswordHashCost, type Argon2idParams } from './password-hash-cost.ts';

/** How the contract runtime treats a response that is off the spec. */
export const RESPONSE_VALIDATION_MODES = ['off', 'warn', 'throw'] as const;
export type ResponseValidationMode = (typeof RESPONSE_VALIDATION_MODES)[number];

/** What every server reads from its environment, besides its own variables (port, …). */
export interface CommonServerConfig {
  /** `HOST`: the interface to bind, default `127.0.0.1` (loopback only; `0.0.0.0` to expose). */
  host: string;
  /** `DATA_DIR`: folder of the server's SQLite file, default `./data`, made absolute. */
  dataDir: string;
  /** `DATABASE_URL`: PostgreSQL instead of SQLite when set (one schema per API). */
  databaseUrl: string | undefined;
  /** `ADMIN_USERNAME`, default `admin`. */
  adminUsername: string;
  /** `ADMIN_PASSWORD`: the admin is created with it, or reset to it, at every start. */
  adminPassword: string | undefined;
  /** `LOG_LEVEL`, default `info`. */
  logLevel: LogLevel;
  /**
   * `LOG_FORMAT`: `pretty` (readable lines) or `json` (one JSON object per line). Unset (undefined):
   * pretty when stdout is a terminal, JSON otherwise (see `defaultLogFormat`).
   */
  logFormat: LogFormat | undefined;
  /** `NODE_ENV`, default `development`. */
  nodeEnv: 'development' | 'production' | 'test';
  /** `RESPONSE_VALIDATION`: default `off` in production, `throw` in test, `warn` otherwise. */
  responseValidation: ResponseValidationMode;
  /** `CORS_ORIGINS`: comma-separated origins, or `*`; unset allows any localhost origin. */
  corsOrigins: readonly string[] | '*' | undefined;
  /**
   * `<PREFIX>_AUTH_CACHE_SECONDS`: how long a verified credential is remembered (0 disables),
   * default 300. Without it every request would pay a full argon2id verification.
   */
  authCacheSeconds: number;
  /** `<PREFIX>_BODY_LIMIT_BYTES`: larger request bodies get 413, default 65536. */
  bodyLimitBytes: number;
  /**
   * `PUBLIC_BASE_URL`: the server's public root as clients reach it (e.g. behind a proxy,
   * `https://users.example.com`), no trailing slash; absolute URLs in responses (Onezone's
   * `Location`, Camunda's problem `instance`) start with it. Unset: see `publicOrigin` (public-origin.ts).
   */
  publicBaseUrl: string | undefined;
  /**
   * `DATABASE_STARTUP_TIMEOUT_SECONDS`: at start-up an unreachable database is retried with backoff
   * for this long, then the server exits 1; default 30 (0: try once).
   */
  databaseStartupTimeoutSeconds: number;
  /** How the HTTP server protects itself from slow and numerous clients (see {@link ServingLimits}). */
  serving: ServingLimits;
  /** Failed sign-ins allowed before 429 (see {@link SignInLimits}). */
  signIn: SignInLimits;
  /**
   * `TRUST_PROXY_HOPS`: how many reverse proxies / load balancers in front of the server append to
   * `X-Forwarded-For`; the client address is the entry that many places from the right. Default 0:
   * the socket's peer is the client (the header is ignored, as anyone can send it).
   */
  trustProxyHops: number;
  /** The argon2id cost of new password hashes (see {@link readPasswordHashCost}). */
  passwordHash: Argon2idParams;
}

/** Timeouts and the connection cap of the HTTP server. */
export interface ServingLimits {
  /** `REQUEST_TIMEOUT_MS`: the whole request (headers and body) must arrive within this, else 408 and the connection is closed; default 30 000. */
  requestTimeoutMs: number;
  /** `HEADERS_TIMEOUT_MS`: the headers must arrive within this; default 10 000 (at most the request timeout). */
  headersTimeoutMs: number;
  /** `KEEP_ALIVE_TIMEOUT_MS`: an idle keep-alive connection is closed after this; default 5000. */
  keepAliveTimeoutMs: number;
  /** `MAX_CONNECTIONS`: connections beyond this are refused (closed at once); default 1024. */
  maxConnections: number;
}

/** The sign-in throttle: failures counted in fixed windows, per username and client address, and per address. */
export interface SignInLimits {
  /** `SIGN_IN_MAX_FAILURES`: failed sign-ins of one username from one client address per window; default 10. */
  maxFailures: number;
  /** `SIGN_IN_MAX_FAILURES_PER_ADDRESS`: failed sign-ins from one client address, any usernames, per window; default 100. */
  maxFailuresPerAddress: number;
  /** `SIGN_IN_WINDOW_SECONDS`: the window; a throttled client waits until it ends; default 300. */
  windowSeconds: number;
}

/**
 * Reads and validates the variables every server shares; throws `ConfigError` naming the bad
 * variable. `prefix` names the server's own variables (`CAMUNDA` → `CAMUNDA_AUTH_CACHE_SECONDS`).
 * Each app's config.ts calls it with the environment it was given and adds its own variables.
 */
export function readCommonServerConfig(env: Env, { prefix }: { prefix: string }): CommonServerConfig {
  const nodeEnv = readEnum(env, 'NODE_ENV', ['development', 'production', 'test'], 'development');
  const defaultValidation: ResponseValidationMode = nodeEnv === 'production' ? 'off' : nodeEnv === 'test' ? 'throw' : 'warn';
  return {
    host: readString(env, 'HOST', '127.0.0.1'),
    dataDir: resolve(readString(env, 'DATA_DIR', './data')),
    databaseUrl: readUrl(env, 'DATABASE_URL', ['postgres:', 'postgresql:']),
    adminUsername: readString(env, 'ADMIN_USERNAME', 'admin'),
    // Not trimmed: a password's spaces are part of it.
    adminPassword: env['ADMIN_PASSWORD'] || undefined,
    logLevel: readEnum(env, 'LOG_LEVEL', LOG_LEVELS, 'info'),
    // Unset stays undefined: the choice depends on stdout, which is the logger's business, not config's.
    logFormat: readOptionalString(env, 'LOG_FORMAT') === undefined ? undefined : readEnum(env, 'LOG_FORMAT', LOG_FORMATS, 'json'),
    nodeEnv,
    responseValidation: readEnum(env, 'RESPONSE_VALIDATION', RESPONSE_VALIDATION_MODES, defaultValidation),
    corsOrigins: parseOrigins(readOptionalString(env, 'CORS_ORIGINS')),
    authCacheSeconds: readInt(env, `${prefix}_AUTH_CACHE_SECONDS`, 300, { min: 0, max: 86_400 }),
    bodyLimitBytes: readInt(env, `${prefix}_BODY_LIMIT_BYTES`, 65_536, { min: 1024, max: 16 * 1024 * 1024 }),
    publicBaseUrl: readPublicBaseUrl(env),
    databaseStartupTimeoutSeconds: readInt(env, 'DATABASE_STARTUP_TIMEOUT_SECONDS', 30, { min: 0, max: 3600 }),
    serving: readServingLimits(env),
    signIn: {
      maxFailures: readInt(env, 'SIGN_IN_MAX_FAILURES', 10, { min: 1, max: 1_000_000 }),
      maxFailuresPerAddress: readInt(env, 'SIGN_IN_MAX_FAILURES_PER_ADDRESS', 100, { min: 1, max: 1_000_000 }),
      windowSeconds: readInt(env, 'SIGN_IN_WINDOW_SECONDS', 300, { min: 1, max: 86_400 }),
    },
    trustProxyHops: readInt(env, 'TRUST_PROXY_HOPS', 0, { min: 0, max: 10 }),
    passwordHash: readPasswordHashCost(env, nodeEnv),
  };
}

function readServingLimits(env: Env): ServingLimits {
  const requestTimeoutMs = readInt(env, 'REQUEST_TIMEOUT_MS', 30_000, { min: 100, max: 3_600_000 });
  const headersTimeoutMs = readInt(env, 'HEADERS_TIMEOUT_MS', Math.min(10_000, requestTimeoutMs), { min: 100, max: 3_600_000 });
  if (headersTimeoutMs > requestTimeoutMs) {
    throw new ConfigError(`HEADERS_TIMEOUT_MS (${headersTimeoutMs}) must not exceed REQUEST_TIMEOUT_MS (${requestTimeoutMs})`);
  }
  return {
    requestTimeoutMs,
    headersTimeoutMs,
    keepAliveTimeoutMs: readInt(env, 'KEEP_ALIVE_TIMEOUT_MS', 5000, { min: 100, max: 600_000 }),
    maxConnections: readInt(env, 'MAX_CONNECTIONS', 1024, { min: 1, max: 1_000_000 }),
  };
}

/** An http(s) URL without query or fragment: absolute URLs are built by appending a path to it. */
function readPublicBaseUrl(env: Env): string | undefined {
  const url = readUrl(env, 'PUBLIC_BASE_URL', ['http:', 'https:']);
  if (url !== undefined && (url.includes('?') || url.includes('#'))) {
    throw new ConfigError('PUBLIC_BASE_URL must not have a query or fragment (e.g. https://users.example.com)');
  }
  return url;
}

function parseOrigins(raw: string | undefined): CommonServerConfig['corsOrigins'] {
  if (raw === undefined) return undefined;
  if (raw === '*') return '*';
  const origins = raw
    .split(',')
    .map((origin) => origin.trim())
    .filter(Boolean);
  for (const origin of origins) {
    let parsed: URL | undefined;
    try {
      parsed = new URL(origin);
    } catch {
      parsed = undefined;
    }
    if (parsed === undefined || parsed.origin !== origin.replace(/\/+$/, '')) {
      throw new ConfigError(`CORS_ORIGINS must be * or comma-separated origins such as http://localhost:5173, got ${JSON.stringify(origin)}`);
    }
  }
  return origins.map((origin) => origin.replace(/\/+$/, ''));
}
