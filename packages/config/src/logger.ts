import { pino, type DestinationStream, type Logger, type LevelWithSilent } from 'pino';
import { isColorSupported, prettyFactory } from 'pino-pretty';

export type { Logger } from 'pino';

/** Log levels accepted by {@link createLogger} (and by a `LOG_LEVEL` setting). */
export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = LevelWithSilent;

/** Log formats accepted by {@link createLogger} (and by a `LOG_FORMAT` setting). */
export const LOG_FORMATS = ['pretty', 'json'] as const;
/** `pretty`: one human-readable line per entry (pino-pretty); `json`: one JSON object per line. */
export type LogFormat = (typeof LOG_FORMATS)[number];

/** The format when none is chosen: pretty for a person at a terminal, JSON lines for collectors and pipes. */
export function defaultLogFormat(stdout: { isTTY?: boolean } = process.stdout): LogFormat {
  return stdout.isTTY ? 'pretty' : 'json';
}

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
  /**
   * Default: `json` when `destination` is given, else {@link defaultLogFormat} (pretty when stdout
   * is a TTY).
   */
  format?: LogFormat;
  /** Where lines go; stdout by default. Tests pass a stream to read them. */
  destination?: DestinationStream;
  /** Colours in pretty output. Default: when stdout supports them, and never for a given `destination`. */
  colorize?: boolean;
}

/**
 * A pino logger with secrets redacted (see {@link REDACTED_PATHS}), writing one JSON object per
 * line, or in `pretty` format one readable line per entry.
 */
export function createLogger({ name, level = 'info', format, destination, colorize }: CreateLoggerOptions): Logger {
  const options = { name, level, redact: { paths: [...REDACTED_PATHS], censor: '[REDACTED]' } };
  const chosen = format ?? (destination ? 'json' : defaultLogFormat());
  if (chosen === 'pretty') {
    return pino(options, prettyDestination(destination ?? pino.destination({ dest: 1, sync: true }), colorize ?? (destination ? false : isColorSupported)));
  }
  return destination ? pino(options, destination) : pino(options);
}

/**
 * Prettifies each line pino writes, in the same call, before passing it on. pino redacts before it
 * serialises, so what reaches here is already censored. Not pino-pretty's transport (a worker
 * thread that resolves files at run time and does not survive the esbuild bundle) nor its stream
 * (a pipeline of Transforms, so a `fatal` line just before `process.exit` could be lost): a plain
 * synchronous function keeps every line, in order.
 */
function prettyDestination(out: DestinationStream, colorize: boolean): DestinationStream {
  const prettify = prettyFactory({ colorize, translateTime: 'SYS:HH:MM:ss.l', ignore: 'pid,hostname' });
  return { write: (line: string) => void out.write(prettify(line)) };
}
