import { readCommonServerConfig, readPort, type CommonServerConfig, type Env } from '@repo/server-kit';

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
}

/** Reads and validates the configuration; throws `ConfigError` naming the bad variable. */
export function loadConfig(env: Env = process.env): Config {
  return {
    port: readPort(env, 'ONEZONE_PORT', 8081),
    ...readCommonServerConfig(env, { prefix: 'ONEZONE' }),
  };
}
