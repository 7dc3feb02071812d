import { pino, type DestinationStream, type Logger, type LevelWithSilent } from 'pino';

export type { Logger } from 'pino';

/** Log levels accepted by {@link createLogger} (and by a `LOG_LEVEL` setting). */
export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = LevelWithSilent;

/**
 * Paths pino replaces with `[REDACTED]` wherever they appear in a log object: passwords (clear or
 * hashed), credentials in headers, and connection strings that may embed a password.
 */
export const REDACTED_PATHS: readonly string[] = [
  'password',
  '*.password',
  'passwordHash',
  '*.passwordHash',
  'authorization',
  '*.authorization',
  'headers.authorization',
  'headers.cookie',
  'req.headers.authorization',
  'req.headers.cookie',
  'req.headers["x-auth-token"]',
  'headers["x-auth-token"]',
  'res.headers["set-cookie"]',
  'databaseUrl',
  '*.databaseUrl',
];

export interface CreateLoggerOptions {
  name: string;
  level?: LogLevel;
  /** Where lines go; stdout by default. Tests pass a stream to read them. */
  destination?: DestinationStream;
}

/** A pino logger writing one JSON object per line, with secrets redacted (see {@link REDACTED_PATHS}). */
export function createLogger({ name, level = 'info', destination }: CreateLoggerOptions): Logger {
  const options = { name, level, redact: { paths: [...REDACTED_PATHS], censor: '[REDACTED]' } };
  return destination ? pino(options, destination) : pino(options);
}
