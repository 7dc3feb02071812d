import type { Logger } from 'pino';
import { createLogger, type LogLevel } from '@repo/config';

/** A logger whose JSON lines land in `lines`, parsed, and in `text`, raw. */
export function captureLogger(level: LogLevel = 'info'): { logger: Logger; lines: Record<string, unknown>[]; text: () => string } {
  const raw: string[] = [];
  const destination = { write: (chunk: string) => void raw.push(chunk) };
  const logger = createLogger({ name: 'test', level, destination });
  return {
    logger,
    get lines() {
      return raw.join('').split('\n').filter(Boolean).map((l) => JSON.parse(l) as Record<string, unknown>);
    },
    text: () => raw.join(''),
  };
}
