/** The environment as `process.env` presents it; apps pass `process.env` from their config.ts only. */
export type Env = Readonly<Record<string, string | undefined>>;

/** A configuration value is missing or malformed; the message names the variable. */
export class ConfigError extends Error {
  override name = 'ConfigError';
}

/** The trimmed value, or undefined when unset or blank (a blank variable counts as unset). */
export function readOptionalString(env: Env, name: string): string | undefined {
  const value = env[name]?.trim();
  return value ? value : undefined;
}

/** The trimmed value; `fallback` when unset; throws {@link ConfigError} when unset without fallback. */
export function readString(env: Env, name: string, fallback?: string): string {
  const value = readOptionalString(env, name) ?? fallback;
  if (value === undefined) throw new ConfigError(`${name} is required`);
  return value;
}

/** An integer in `[min, max]`. */
export function readInt(env: Env, name: string, fallback: number, { min = -Infinity, max = Infinity } = {}): number {
  const raw = readOptionalString(env, name);
  if (raw === undefined) return fallback;
  const value = /^[-+]?\d+$/.test(raw) ? Number(raw) : Number.NaN;
  if (!Number.isSafeInteger(value) || value < min || value > max) {
    const range = `${min === -Infinity ? '' : ` >= ${min}`}${max === Infinity ? '' : ` <= ${max}`}`;
    throw new ConfigError(`${name} must be an integer${range}, got ${JSON.stringify(raw)}`);
  }
  return value;
}

/** A TCP port, 0–65535 (0 lets the OS choose). */
export function readPort(env: Env, name: string, fallback: number): number {
  return readInt(env, name, fallback, { min: 0, max: 65535 });
}

/** One of `allowed` (case-sensitive). */
export function readEnum<const T extends string>(env: Env, name: string, allowed: readonly T[], fallback: T): T {
  const raw = readOptionalString(env, name);
  if (raw === undefined) return fallback;
  if (!(allowed as readonly string[]).includes(raw)) {
    throw new ConfigError(`${name} must be one of ${allowed.join(', ')}, got ${JSON.stringify(raw)}`);
  }
  return raw as T;
}

const TRUE = ['true', '1', 'yes', 'on'];
const FALSE = ['false', '0', 'no', 'off'];

/** `true/1/yes/on` or `false/0/no/off`, any case. */
export function readBool(env: Env, name: string, fallback: boolean): boolean {
  const raw = readOptionalString(env, name)?.toLowerCase();
  if (raw === undefined) return fallback;
  if (TRUE.includes(raw)) return true;
  if (FALSE.includes(raw)) return false;
  throw new ConfigError(`${name} must be true or false, got ${JSON.stringify(raw)}`);
}

/** An absolute URL, optionally restricted to some protocols (`['http:', 'https:']`); no trailing slash. */
export function readUrl(env: Env, name: string, protocols?: readonly string[]): string | undefined {
  const raw = readOptionalString(env, name);
  if (raw === undefined) return undefined;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    // Never echo the value: a database URL may hold a password.
    throw new ConfigError(`${name} must be an absolute URL`);
  }
  if (protocols && !protocols.includes(url.protocol)) {
    throw new ConfigError(`${name} must use ${protocols.join(' or ')}, got ${url.protocol}`);
  }
  return raw.replace(/\/+$/, '');
}
