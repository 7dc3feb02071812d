import { readCommonServerConfig, readPort, type CommonServerConfig, type Env } from '@repo/config';

export { RESPONSE_VALIDATION_MODES, type ResponseValidationMode } from '@repo/config';

/**
 * Everything the server reads from its environment, validated: the variables every server shares
 * (see {@link CommonServerConfig}; SQLite file `camunda.sqlite`, PostgreSQL schema `camunda`,
 * `CAMUNDA_AUTH_CACHE_SECONDS`, `CAMUNDA_BODY_LIMIT_BYTES`) and Camunda's own.
 */
export interface Config extends CommonServerConfig {
  /** `CAMUNDA_PORT`, default 8080 as upstream. */
  port: number;
}

/** Reads and validates the configuration; throws `ConfigError` naming the bad variable. */
export function loadConfig(env: Env = process.env): Config {
  return {
    port: readPort(env, 'CAMUNDA_PORT', 8080),
    ...readCommonServerConfig(env, { prefix: 'CAMUNDA' }),
  };
}
