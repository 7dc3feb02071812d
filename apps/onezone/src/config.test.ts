import { describe, expect, it } from 'vitest';
import { ConfigError } from '@repo/config';
import { loadConfig } from './config.ts';

// The variables every server shares are @repo/config's (common-server-config.test.ts); these are Onezone's own.
describe('loadConfig', () => {
  it('listens on 8081 by default, or on ONEZONE_PORT, and has no token key unless given one', () => {
    expect(loadConfig({}).port).toBe(8081);
    expect(loadConfig({}).tokenKey).toBeUndefined();
    expect(loadConfig({ ONEZONE_PORT: '9091' }).port).toBe(9091);
  });

  it('reads the shared settings under the ONEZONE_ prefix', () => {
    const config = loadConfig({ ONEZONE_AUTH_CACHE_SECONDS: '0', ONEZONE_BODY_LIMIT_BYTES: '2048', CAMUNDA_BODY_LIMIT_BYTES: '4096' });
    expect([config.authCacheSeconds, config.bodyLimitBytes]).toEqual([0, 2048]);
  });

  it.each(['eighty', '70000'])('refuses ONEZONE_PORT=%s, naming the variable', (value) => {
    expect(() => loadConfig({ ONEZONE_PORT: value })).toThrow(ConfigError);
    expect(() => loadConfig({ ONEZONE_PORT: value })).toThrow('ONEZONE_PORT');
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
});
