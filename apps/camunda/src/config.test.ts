import { describe, expect, it } from 'vitest';
import { ConfigError } from '@repo/config';
import { loadConfig } from './config.ts';

// The variables every server shares are @repo/config's (common-server-config.test.ts); these are Camunda's own.
describe('loadConfig', () => {
  it('listens on 8080 by default, or on CAMUNDA_PORT', () => {
    expect(loadConfig({}).port).toBe(8080);
    expect(loadConfig({ CAMUNDA_PORT: '9090' }).port).toBe(9090);
  });

  it('reads the shared settings under the CAMUNDA_ prefix', () => {
    const config = loadConfig({ CAMUNDA_AUTH_CACHE_SECONDS: '0', CAMUNDA_BODY_LIMIT_BYTES: '2048', ONEZONE_BODY_LIMIT_BYTES: '4096' });
    expect([config.authCacheSeconds, config.bodyLimitBytes]).toEqual([0, 2048]);
  });

  it.each(['eighty', '70000'])('refuses CAMUNDA_PORT=%s, naming the variable', (value) => {
    expect(() => loadConfig({ CAMUNDA_PORT: value })).toThrow(ConfigError);
    expect(() => loadConfig({ CAMUNDA_PORT: value })).toThrow('CAMUNDA_PORT');
  });
});
