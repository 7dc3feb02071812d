import { resolve } from 'node:path';
import {
  ConfigError,
  LOG_LEVELS,
  readEnum,
  readInt,
  readOptionalString,
  readPort,
  readString,
  readUrl,
  type Env,
  type LogLevel,
} from '@repo/server-kit';

/** How the runtime treats a response that is off the spec. */
export const RESPONSE_VALIDATION_MODES = ['off', 'warn', 'throw'] as const;
export type ResponseValidationMode = (typeof RESPONSE_VALIDATION_MODES)[number];

/** Everything the server reads from its environment, validated. The only reader of `process.env`. */
export interface Config {
  /** `ONEZONE_PORT`, default 8081. */
  port: number;
  /** `HOST`: the interface to bind, default `127.0.0.1` (loopback only; `0.0.0.0` to expose). */
  host: string;
  /** `DATA_DIR`: folder of the SQLite file `onezone.sqlite`, default `./data`, made absolute. */
  dataDir: string;
  /** `DATABASE_URL`: PostgreSQL instead of SQLite when set (schema `onezone`). */
  databaseUrl: string | undefined;
  /** `ADMIN_USERNAME`, default `admin`. */
  adminUsername: string;
  /** `ADMIN_PASSWORD`: the admin is created with it, or reset to it, at every start. */
  adminPassword: string | undefined;
  /** `LOG_LEVEL`, default `info`. */
  logLevel: LogLevel;
  /** `NODE_ENV`, default `development`. */
  nodeEnv: 'development' | 'production' | 'test';
  /** `RESPONSE_VALIDATION`: default `off` in production, `throw` in test, `warn` otherwise. */
  responseValidation: ResponseValidationMode;
  /** `CORS_ORIGINS`: comma-separated origins, or `*`; unset allows any localhost origin. */
  corsOrigins: readonly string[] | '*' | undefined;
  /**
   * `PUBLIC_BASE_URL`: the server's public root as clients reach it (e.g. behind a proxy,
   * `https://onezone.example.com`), used for `Location`; unset: the request's own origin.
   */
  publicBaseUrl: string | undefined;
  /**
   * `ONEZONE_AUTH_CACHE_SECONDS`: how long a verified credential is remembered (0 disables),
   * default 300. Without it every request would pay a full argon2id verification.
   */
  authCacheSeconds: number;
  /** `ONEZONE_BODY_LIMIT_BYTES`: larger request bodies get 413, default 65536. */
  bodyLimitBytes: number;
}

/** Reads and validates the configuration; throws `ConfigError` naming the bad variable. */
export function loadConfig(env: Env = process.env): Config {
  const nodeEnv = readEnum(env, 'NODE_ENV', ['development', 'production', 'test'], 'development');
  const defaultValidation: ResponseValidationMode = nodeEnv === 'production' ? 'off' : nodeEnv === 'test' ? 'throw' : 'warn';
  return {
    port: readPort(env, 'ONEZONE_PORT', 8081),
    host: readString(env, 'HOST', '127.0.0.1'),
    dataDir: resolve(readString(env, 'DATA_DIR', './data')),
    databaseUrl: readUrl(env, 'DATABASE_URL', ['postgres:', 'postgresql:']),
    adminUsername: readString(env, 'ADMIN_USERNAME', 'admin'),
    // Not trimmed: a password's spaces are part of it.
    adminPassword: env['ADMIN_PASSWORD'] || undefined,
    logLevel: readEnum(env, 'LOG_LEVEL', LOG_LEVELS, 'info'),
    nodeEnv,
    responseValidation: readEnum(env, 'RESPONSE_VALIDATION', RESPONSE_VALIDATION_MODES, defaultValidation),
    corsOrigins: parseOrigins(readOptionalString(env, 'CORS_ORIGINS')),
    publicBaseUrl: readPublicBaseUrl(env),
    authCacheSeconds: readInt(env, 'ONEZONE_AUTH_CACHE_SECONDS', 300, { min: 0, max: 86_400 }),
    bodyLimitBytes: readInt(env, 'ONEZONE_BODY_LIMIT_BYTES', 65_536, { min: 1024, max: 16 * 1024 * 1024 }),
  };
}

/** An http(s) URL without query or fragment: `Location` is built by appending the API path to it. */
function readPublicBaseUrl(env: Env): string | undefined {
  const url = readUrl(env, 'PUBLIC_BASE_URL', ['http:', 'https:']);
  if (url !== undefined && (url.includes('?') || url.includes('#'))) {
    throw new ConfigError('PUBLIC_BASE_URL must not have a query or fragment (e.g. https://onezone.example.com)');
  }
  return url;
}

function parseOrigins(raw: string | undefined): Config['corsOrigins'] {
  if (raw === undefined) return undefined;
  if (raw === '*') return '*';
  const origins = raw
    .split(',')
    .map((origin) => origin.trim().replace(/\/+$/, ''))
    .filter(Boolean);
  for (const origin of origins) {
    let parsed: URL | undefined;
    try {
      parsed = new URL(origin);
    } catch {
      parsed = undefined;
    }
    if (parsed === undefined || parsed.origin !== origin) {
      throw new ConfigError(`CORS_ORIGINS must be * or comma-separated origins such as http://localhost:5173, got ${JSON.stringify(origin)}`);
    }
  }
  return origins;
}
