import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readCommonServerConfig } from './common-server-config.ts';
import { ConfigError } from './env.ts';

const read = (env: Record<string, string>) => readCommonServerConfig(env, { prefix: 'API' });

describe('readCommonServerConfig', () => {
  it('has defaults for everything', () => {
    expect(read({})).toEqual({
      host: '127.0.0.1',
      dataDir: resolve('./data'),
      databaseUrl: undefined,
      adminUsername: 'admin',
      adminPassword: undefined,
      logLevel: 'info',
      logFormat: undefined,
      nodeEnv: 'development',
      responseValidation: 'warn',
      corsOrigins: undefined,
      authCacheSeconds: 300,
      bodyLimitBytes: 65_536,
      publicBaseUrl: undefined,
      databaseStartupTimeoutSeconds: 30,
      serving: { requestTimeoutMs: 30_000, headersTimeoutMs: 10_000, keepAliveTimeoutMs: 5000, maxConnections: 1024 },
      signIn: { maxFailures: 10, maxFailuresPerAddress: 100, windowSeconds: 300 },
      trustProxyHops: 0,
      passwordHash: { memoryCost: 19456, timeCost: 2, parallelism: 1 },
    });
  });

  it('reads the prefixed variables under the given prefix', () => {
    expect(read({ API_AUTH_CACHE_SECONDS: '0', API_BODY_LIMIT_BYTES: '2048' })).toMatchObject({ authCacheSeconds: 0, bodyLimitBytes: 2048 });
    expect(read({ OTHER_AUTH_CACHE_SECONDS: '0' }).authCacheSeconds).toBe(300);
  });

  it('keeps the spaces of ADMIN_PASSWORD and strips trailing slashes of CORS origins', () => {
    const config = read({ ADMIN_PASSWORD: ' pw ', CORS_ORIGINS: 'https://a.example, http://localhost:5173/' });
    expect(config.adminPassword).toBe(' pw ');
    expect(config.corsOrigins).toEqual(['https://a.example', 'http://localhost:5173']);
  });

  it('reads PUBLIC_BASE_URL without its trailing slash', () => {
    expect(read({ PUBLIC_BASE_URL: 'https://users.example.com/base/' }).publicBaseUrl).toBe('https://users.example.com/base');
  });

  it('reads the serving limits, sign-in limits and proxy hops', () => {
    const config = read({
      DATABASE_STARTUP_TIMEOUT_SECONDS: '0',
      REQUEST_TIMEOUT_MS: '2000',
      KEEP_ALIVE_TIMEOUT_MS: '1000',
      MAX_CONNECTIONS: '8',
      SIGN_IN_MAX_FAILURES: '3',
      SIGN_IN_MAX_FAILURES_PER_ADDRESS: '5',
      SIGN_IN_WINDOW_SECONDS: '60',
      TRUST_PROXY_HOPS: '1',
    });
    expect(config).toMatchObject({
      databaseStartupTimeoutSeconds: 0,
      // The headers timeout follows a request timeout below its default.
      serving: { requestTimeoutMs: 2000, headersTimeoutMs: 2000, keepAliveTimeoutMs: 1000, maxConnections: 8 },
      signIn: { maxFailures: 3, maxFailuresPerAddress: 5, windowSeconds: 60 },
      trustProxyHops: 1,
    });
  });

  it('reads the password hash cost, refusing one below the OWASP minimum outside NODE_ENV=test', () => {
    const cheap = { PASSWORD_HASH_MEMORY_KIB: '1024', PASSWORD_HASH_ITERATIONS: '1' };
    expect(read({ ...cheap, NODE_ENV: 'test' }).passwordHash).toEqual({ memoryCost: 1024, timeCost: 1, parallelism: 1 });
    expect(() => read(cheap)).toThrow(ConfigError);
  });

  it('refuses a headers timeout longer than the request timeout', () => {
    expect(() => read({ REQUEST_TIMEOUT_MS: '1000', HEADERS_TIMEOUT_MS: '2000' })).toThrow(ConfigError);
  });

  it('defaults RESPONSE_VALIDATION by NODE_ENV', () => {
    expect(read({ NODE_ENV: 'production' }).responseValidation).toBe('off');
    expect(read({ NODE_ENV: 'test' }).responseValidation).toBe('throw');
  });

  it('reads LOG_FORMAT, leaving the choice to the terminal when unset or blank', () => {
    expect(read({ LOG_FORMAT: 'pretty' }).logFormat).toBe('pretty');
    expect(read({ LOG_FORMAT: 'json' }).logFormat).toBe('json');
    expect(read({ LOG_FORMAT: '' }).logFormat).toBeUndefined();
    expect(read({}).logFormat).toBeUndefined();
  });

  it.each([
    ['DATABASE_URL', 'mysql://db/app'],
    ['CORS_ORIGINS', 'https://a.example.com/path'],
    ['LOG_LEVEL', 'loud'],
    ['LOG_FORMAT', 'fancy'],
    ['RESPONSE_VALIDATION', 'sometimes'],
    ['NODE_ENV', 'staging'],
    ['API_AUTH_CACHE_SECONDS', '-1'],
    ['API_BODY_LIMIT_BYTES', '10'],
    ['PUBLIC_BASE_URL', 'ftp://example.com'],
    ['PUBLIC_BASE_URL', 'not a url'],
    ['PUBLIC_BASE_URL', 'https://example.com/?x=1'],
  ])('refuses %s=%s, naming the variable', (name, value) => {
    expect(() => read({ [name]: value })).toThrow(ConfigError);
    expect(() => read({ [name]: value })).toThrow(name);
  });

  it('never echoes a malformed DATABASE_URL, which may hold a password', () => {
    expect(() => read({ DATABASE_URL: 'postgres//user:s3cret@db' })).toThrow(/^(?!.*s3cret)/);
  });
});
