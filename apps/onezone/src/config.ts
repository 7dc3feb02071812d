import { ConfigError, readCommonServerConfig, readPort, readUrl, type CommonServerConfig, type Env } from '@repo/server-kit';

export { RESPONSE_VALIDATION_MODES, type ResponseValidationMode } from '@repo/server-kit';

/**
 * Everything the server reads from its environment, validated. The only reader of `process.env`.
 * The variables every server shares (see {@link CommonServerConfig}; SQLite file `onezone.sqlite`,
 * PostgreSQL schema `onezone`, `ONEZONE_AUTH_CACHE_SECONDS`, `ONEZONE_BODY_LIMIT_BYTES`) and
 * Onezone's own.
 */
export interface Config extends CommonServerConfig {
  /** `ONEZONE_PORT`, default 8081. */
  port: number;
  /**
   * `PUBLIC_BASE_URL`: the server's public root as clients reach it (e.g. behind a proxy,
   * `https://onezone.example.com`), used for `Location`; unset: the request's own origin.
   */
  publicBaseUrl: string | undefined;
}

/** Reads and validates the configuration; throws `ConfigError` naming the bad variable. */
export function loadConfig(env: Env = process.env): Config {
  return {
    port: readPort(env, 'ONEZONE_PORT', 8081),
    ...readCommonServerConfig(env, { prefix: 'ONEZONE' }),
    publicBaseUrl: readPublicBaseUrl(env),
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
