import { PRISM_LOG_LEVELS } from '../prism-process.ts';

/** What `npm run mock:stateful` reads from its environment, validated. */
export interface StatefulMockConfig {
  /** `MOCK_HOST`, default `127.0.0.1`, as the Prism mocks. */
  host: string;
  /** `CAMUNDA_STATEFUL_MOCK_PORT`, default 4020 (Prism's is 4010, so both can run). */
  camundaPort: number;
  /** `ONEZONE_STATEFUL_MOCK_PORT`, default 4021 (Prism's is 4011). */
  onezonePort: number;
  /** `ADMIN_USERNAME` / `ADMIN_PASSWORD`, as the servers; default `admin` / `change-me-now`, the README's. */
  admin: { username: string; password: string };
  /** `MOCK_LOG_LEVEL`, default `error`: the servers' request log at `info`. */
  logLevel: string;
}

/** The mock's admin unless `ADMIN_USERNAME` / `ADMIN_PASSWORD` say otherwise: the README's quick-start admin. */
export const DEFAULT_MOCK_ADMIN = { username: 'admin', password: 'change-me-now' } as const;

/** Reads and validates the configuration; throws an Error naming the bad variable. */
export function loadStatefulConfig(env: NodeJS.ProcessEnv = process.env): StatefulMockConfig {
  const logLevel = env.MOCK_LOG_LEVEL?.trim() || 'error';
  if (!(PRISM_LOG_LEVELS as readonly string[]).includes(logLevel)) {
    throw new Error(`MOCK_LOG_LEVEL must be one of ${PRISM_LOG_LEVELS.join(', ')}, got ${JSON.stringify(logLevel)}`);
  }
  return {
    host: env.MOCK_HOST?.trim() || '127.0.0.1',
    camundaPort: readPort(env, 'CAMUNDA_STATEFUL_MOCK_PORT', 4020),
    onezonePort: readPort(env, 'ONEZONE_STATEFUL_MOCK_PORT', 4021),
    admin: {
      username: env.ADMIN_USERNAME?.trim() || DEFAULT_MOCK_ADMIN.username,
      password: env.ADMIN_PASSWORD || DEFAULT_MOCK_ADMIN.password,
    },
    logLevel,
  };
}

function readPort(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name]?.trim();
  if (!raw) return fallback;
  const port = Number(raw);
  if (!/^\d+$/.test(raw) || port > 65535) throw new Error(`${name} must be a port number (0-65535), got ${JSON.stringify(raw)}`);
  return port;
}
