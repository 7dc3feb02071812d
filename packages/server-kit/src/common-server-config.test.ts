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
      nodeEnv: 'development',
      responseValidation: 'warn',
      corsOrigins: undefined,
      authCacheSeconds: 300,
      bodyLimitBytes: 65_536,
      publicBaseUrl: undefined,
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

  it('defaults RESPONSE_VALIDATION by NODE_ENV', () => {
    expect(read({ NODE_ENV: 'production' }).responseValidation).toBe('off');
    expect(read({ NODE_ENV: 'test' }).responseValidation).toBe('throw');
  });

  it.each([
    ['DATABASE_URL', 'mysql://db/app'],
    ['CORS_ORIGINS', 'https://a.example.com/path'],
    ['LOG_LEVEL', 'loud'],
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
});
