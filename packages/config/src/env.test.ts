import { describe, expect, it } from 'vitest';
import { ConfigError, readBool, readEnum, readInt, readOptionalString, readPort, readString, readUrl } from './env.ts';

describe('env readers', () => {
  it('use the fallback when a variable is unset or blank', () => {
    const env = { BLANK: '  ' };
    expect(readPort(env, 'PORT', 8080)).toBe(8080);
    expect(readString(env, 'BLANK', 'x')).toBe('x');
    expect(readOptionalString(env, 'BLANK')).toBeUndefined();
    expect(readBool(env, 'FLAG', true)).toBe(true);
    expect(readEnum(env, 'LEVEL', ['info', 'debug'], 'info')).toBe('info');
  });

  it('parse well-formed values', () => {
    expect(readPort({ PORT: '0' }, 'PORT', 1)).toBe(0);
    expect(readInt({ N: '-3' }, 'N', 0)).toBe(-3);
    expect(readBool({ F: 'No' }, 'F', true)).toBe(false);
    expect(readEnum({ L: 'debug' }, 'L', ['info', 'debug'], 'info')).toBe('debug');
    expect(readUrl({ U: 'https://example.com/base/' }, 'U', ['https:'])).toBe('https://example.com/base');
  });

  it('throw a ConfigError naming the variable on a bad value', () => {
    expect(() => readPort({ PORT: '80x' }, 'PORT', 1)).toThrow(ConfigError);
    expect(() => readPort({ PORT: '70000' }, 'PORT', 1)).toThrow(/PORT/);
    expect(() => readBool({ DEBUG: 'maybe' }, 'DEBUG', false)).toThrow(/DEBUG/);
    expect(() => readEnum({ LOG_LEVEL: 'loud' }, 'LOG_LEVEL', ['info'], 'info')).toThrow(/LOG_LEVEL must be one of info/);
    expect(() => readString({}, 'ADMIN_USERNAME')).toThrow(/ADMIN_USERNAME is required/);
    expect(() => readUrl({ BASE: 'ftp://x' }, 'BASE', ['http:', 'https:'])).toThrow(/BASE/);
  });

  it('never echoes a malformed URL, which may hold a password', () => {
    expect(() => readUrl({ DATABASE_URL: 'not a url :secret' }, 'DATABASE_URL')).toThrow(/^DATABASE_URL must be an absolute URL$/);
  });
});
