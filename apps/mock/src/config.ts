import { PRISM_LOG_LEVELS, type PrismLogLevel } from './prism-process.ts';

/** What `npm run mock` reads from its environment, validated. */
export interface MockConfig {
  /** `MOCK_HOST`, default `127.0.0.1` (loopback only; `0.0.0.0` to expose). */
  host: string;
  /** `CAMUNDA_MOCK_PORT`, default 4010. */
  camundaPort: number;
  /** `ONEZONE_MOCK_PORT`, default 4011. */
  onezonePort: number;
  /** `MOCK_DYNAMIC=true`: Prism's `--dynamic`, bodies generated from the schemas, not the examples. */
  dynamic: boolean;
  /**
   * `MOCK_LOG_LEVEL`, Prism's `--verboseLevel`, default `error`. Prism logs every request at
   * `info`, which costs ~70% of its throughput (measured on 2 cores: ~800 req/s at `info`,
   * ~2,800 at `warn`, `error` or `silent`). `error` still prints the request violations
   * ("Violation: request.body.username …") that tell a frontend developer why the mock refused a
   * request, and drops the warning Prism prints for every body-less response. Use `info` to debug.
   */
  logLevel: PrismLogLevel;
}

/** Reads and validates the configuration; throws an Error naming the bad variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): MockConfig {
  return {
    host: env.MOCK_HOST?.trim() || '127.0.0.1',
    camundaPort: readPort(env, 'CAMUNDA_MOCK_PORT', 4010),
    onezonePort: readPort(env, 'ONEZONE_MOCK_PORT', 4011),
    dynamic: readBoolean(env, 'MOCK_DYNAMIC', false),
    logLevel: readLogLevel(env, 'MOCK_LOG_LEVEL', 'error'),
  };
}

function readPort(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name]?.trim();
  if (!raw) return fallback;
  const port = Number(raw);
  if (!/^\d+$/.test(raw) || port > 65535) throw new Error(`${name} must be a port number (0-65535), got ${JSON.stringify(raw)}`);
  return port;
}

function readBoolean(env: NodeJS.ProcessEnv, name: string, fallback: boolean): boolean {
  const raw = env[name]?.trim().toLowerCase();
  if (!raw) return fallback;
  if (raw === 'true' || raw === '1') return true;
  if (raw === 'false' || raw === '0') return false;
  throw new Error(`${name} must be true or false, got ${JSON.stringify(env[name])}`);
}

function readLogLevel(env: NodeJS.ProcessEnv, name: string, fallback: PrismLogLevel): PrismLogLevel {
  const raw = env[name]?.trim();
  if (!raw) return fallback;
  const level = PRISM_LOG_LEVELS.find((candidate) => candidate === raw);
  if (!level) throw new Error(`${name} must be one of ${PRISM_LOG_LEVELS.join(', ')}, got ${JSON.stringify(raw)}`);
  return level;
}
