import { ConfigError, readCommonServerConfig, readPort, type CommonServerConfig, type Env } from '@repo/config';
import { decodeTokenKey } from './tokens/token-key.ts';

export { RESPONSE_VALIDATION_MODES, type ResponseValidationMode } from '@repo/config';

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
   * `ONEZONE_TOKEN_KEY`: the 32-byte key (base64 or 64 hex digits) that seals client tokens for
   * `list_client_tokens`; unset: a key file in `DATA_DIR`, created on the first start
   * (see tokens/token-key.ts). Replicas sharing a PostgreSQL database must all be given the same.
   */
  tokenKey: Buffer | undefined;
}

/** Reads and validates the configuration; throws `ConfigError` naming the bad variable. */
export function loadConfig(env: Env = process.env): Config {
  return {
    port: readPort(env, 'ONEZONE_PORT', 8081),
    ...readCommonServerConfig(env, { prefix: 'ONEZONE' }),
    tokenKey: readTokenKey(env),
  };
}

function readTokenKey(env: Env): Buffer | undefined {
  const value = env['ONEZONE_TOKEN_KEY'];
  if (value === undefined || value === '') return undefined;
  const key = decodeTokenKey(value.trim());
  // The message names the variable, never its value.
  if (key === undefined) throw new ConfigError('ONEZONE_TOKEN_KEY must be 32 bytes as base64 (44 characters) or 64 hex digits, e.g. from `openssl rand -base64 32`');
  return key;
}
