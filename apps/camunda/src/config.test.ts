import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError } from '@repo/config';
import { loadConfig } from './config.ts';

describe('loadConfig', () => {
  it('has defaults for everything', () => {
    expect(loadConfig({})).toEqual({
      port: 8080,
      host: '127.0.0.1',
      dataDir: resolve('./data'),
      databaseUrl: undefined,
      adminUsername: 'admin',
      adminPassword: undefined,
      logLevel: 'info',
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
    });
  });

  it('reads every variable', () => {
    const config = loadConfig({
      CAMUNDA_PORT: '9090',
      HOST: '0.0.0.0',
      DATA_DIR: '/var/lib/camunda',
      DATABASE_URL: 'postgres://u:secret@db:5432/app',
      ADMIN_USERNAME: 'root',
      ADMIN_PASSWORD: ' spaced pw ',
      LOG_LEVEL: 'debug',
      NODE_ENV: 'production',
      RESPONSE_VALIDATION: 'throw',
      CORS_ORIGINS: 'https://a.example, http://localhost:5173/',
      CAMUNDA_AUTH_CACHE_SECONDS: '0',
      CAMUNDA_BODY_LIMIT_BYTES: '2048',
    });
    expect(config).toEqual({
      port: 9090,
      host: '0.0.0.0',
      dataDir: '/var/lib/camunda',
      databaseUrl: 'postgres://u:secret@db:5432/app',
      adminUsername: 'root',
      adminPassword: ' spaced pw ',
      logLevel: 'debug',
      nodeEnv: 'production',
      responseValidation: 'throw',
      corsOrigins: ['https://a.example', 'http://localhost:5173'],
      authCacheSeconds: 0,
      bodyLimitBytes: 2048,
      databaseStartupTimeoutSeconds: 30,
      serving: { requestTimeoutMs: 30_000, headersTimeoutMs: 10_000, keepAliveTimeoutMs: 5000, maxConnections: 1024 },
      signIn: { maxFailures: 10, maxFailuresPerAddress: 100, windowSeconds: 300 },
      trustProxyHops: 0,
    });
  });

  it('derives response validation from NODE_ENV', () => {
    expect(loadConfig({ NODE_ENV: 'production' }).responseValidation).toBe('off');
    expect(loadConfig({ NODE_ENV: 'test' }).responseValidation).toBe('throw');
    expect(loadConfig({ CORS_ORIGINS: '*' }).corsOrigins).toBe('*');
  });

  it.each([
    ['CAMUNDA_PORT', '80a'],
    ['CAMUNDA_PORT', '70000'],
    ['DATABASE_URL', 'mysql://x'],
    ['LOG_LEVEL', 'loud'],
    ['LOG_FORMAT', 'fancy'],
    ['RESPONSE_VALIDATION', 'maybe'],
    ['CORS_ORIGINS', 'localhost:5173'],
    ['CAMUNDA_AUTH_CACHE_SECONDS', '-1'],
  ])('rejects %s=%j, naming the variable', (name, value) => {
    expect(() => loadConfig({ [name]: value })).toThrow(ConfigError);
    expect(() => loadConfig({ [name]: value })).toThrow(name);
  });

  it('never echoes a database URL that fails to parse', () => {
    expect(() => loadConfig({ DATABASE_URL: 'postgres://u:hunter2@[bad' })).toThrow(/^(?!.*hunter2)/);
  });
});
