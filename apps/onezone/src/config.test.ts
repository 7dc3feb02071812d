import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError } from '@repo/config';
import { loadConfig } from './config.ts';

describe('loadConfig', () => {
  it('has defaults for everything', () => {
    expect(loadConfig({})).toEqual({
      port: 8081,
      host: '127.0.0.1',
      dataDir: resolve('./data'),
      databaseUrl: undefined,
      adminUsername: 'admin',
      adminPassword: undefined,
      logLevel: 'info',
      nodeEnv: 'development',
      responseValidation: 'warn',
      corsOrigins: undefined,
      publicBaseUrl: undefined,
      authCacheSeconds: 300,
      bodyLimitBytes: 65_536,
      databaseStartupTimeoutSeconds: 30,
      serving: { requestTimeoutMs: 30_000, headersTimeoutMs: 10_000, keepAliveTimeoutMs: 5000, maxConnections: 1024 },
      signIn: { maxFailures: 10, maxFailuresPerAddress: 100, windowSeconds: 300 },
      trustProxyHops: 0,
      tokenKey: undefined,
    });
  });

  it('reads ONEZONE_TOKEN_KEY as base64 or hex', () => {
    const key = Buffer.alloc(32, 7);
    expect(loadConfig({ ONEZONE_TOKEN_KEY: key.toString('base64') }).tokenKey).toEqual(key);
    expect(loadConfig({ ONEZONE_TOKEN_KEY: key.toString('hex') }).tokenKey).toEqual(key);
  });

  it('refuses an ONEZONE_TOKEN_KEY that is not 32 bytes, without echoing it', () => {
    const short = Buffer.alloc(16, 7).toString('base64');
    expect(() => loadConfig({ ONEZONE_TOKEN_KEY: short })).toThrow(ConfigError);
    expect(() => loadConfig({ ONEZONE_TOKEN_KEY: short })).not.toThrow(short);
  });

  it('reads every variable', () => {
    const config = loadConfig({
      ONEZONE_PORT: '9000',
      HOST: '0.0.0.0',
      DATA_DIR: '/tmp/oz',
      DATABASE_URL: 'postgres://u:p@db:5432/app',
      ADMIN_USERNAME: 'root',
      ADMIN_PASSWORD: ' with spaces ',
      LOG_LEVEL: 'debug',
      NODE_ENV: 'production',
      CORS_ORIGINS: 'https://a.example.com, http://localhost:3000/',
      PUBLIC_BASE_URL: 'https://onezone.example.com/',
      ONEZONE_AUTH_CACHE_SECONDS: '0',
      ONEZONE_BODY_LIMIT_BYTES: '2048',
    });
    expect(config).toMatchObject({
      port: 9000,
      host: '0.0.0.0',
      dataDir: '/tmp/oz',
      databaseUrl: 'postgres://u:p@db:5432/app',
      adminUsername: 'root',
      adminPassword: ' with spaces ',
      logLevel: 'debug',
      nodeEnv: 'production',
      responseValidation: 'off',
      corsOrigins: ['https://a.example.com', 'http://localhost:3000'],
      publicBaseUrl: 'https://onezone.example.com',
      authCacheSeconds: 0,
      bodyLimitBytes: 2048,
      databaseStartupTimeoutSeconds: 30,
      serving: { requestTimeoutMs: 30_000, headersTimeoutMs: 10_000, keepAliveTimeoutMs: 5000, maxConnections: 1024 },
      signIn: { maxFailures: 10, maxFailuresPerAddress: 100, windowSeconds: 300 },
      trustProxyHops: 0,
    });
  });

  it('validates responses by throwing under NODE_ENV=test, unless RESPONSE_VALIDATION says otherwise', () => {
    expect(loadConfig({ NODE_ENV: 'test' }).responseValidation).toBe('throw');
    expect(loadConfig({ NODE_ENV: 'test', RESPONSE_VALIDATION: 'off' }).responseValidation).toBe('off');
  });

  it('accepts * as CORS_ORIGINS', () => {
    expect(loadConfig({ CORS_ORIGINS: '*' }).corsOrigins).toBe('*');
  });

  it.each([
    ['ONEZONE_PORT', 'eighty'],
    ['ONEZONE_PORT', '70000'],
    ['DATABASE_URL', 'mysql://db/app'],
    ['PUBLIC_BASE_URL', 'ftp://example.com'],
    ['PUBLIC_BASE_URL', 'not a url'],
    ['PUBLIC_BASE_URL', 'https://example.com/?x=1'],
    ['CORS_ORIGINS', 'https://a.example.com/path'],
    ['LOG_LEVEL', 'loud'],
    ['LOG_FORMAT', 'fancy'],
    ['RESPONSE_VALIDATION', 'sometimes'],
    ['NODE_ENV', 'staging'],
  ])('refuses %s=%s, naming the variable', (name, value) => {
    expect(() => loadConfig({ [name]: value })).toThrow(ConfigError);
    expect(() => loadConfig({ [name]: value })).toThrow(name);
  });

  it('never echoes a malformed DATABASE_URL, which may hold a password', () => {
    expect(() => loadConfig({ DATABASE_URL: 'postgres//user:s3cret@db' })).toThrow(/^(?!.*s3cret)/);
  });
});
