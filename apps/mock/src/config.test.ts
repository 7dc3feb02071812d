import { describe, expect, it } from 'vitest';
import { loadConfig } from './config.ts';

describe('loadConfig', () => {
  it('defaults to the documented ports on loopback, examples and quiet logs', () => {
    expect(loadConfig({})).toEqual({ host: '127.0.0.1', camundaPort: 4010, onezonePort: 4011, dynamic: false, logLevel: 'error' });
  });

  it('reads every variable', () => {
    const env = { MOCK_HOST: '0.0.0.0', CAMUNDA_MOCK_PORT: '5010', ONEZONE_MOCK_PORT: '0', MOCK_DYNAMIC: 'true', MOCK_LOG_LEVEL: 'info' };
    expect(loadConfig(env)).toEqual({ host: '0.0.0.0', camundaPort: 5010, onezonePort: 0, dynamic: true, logLevel: 'info' });
  });

  it.each([
    [{ CAMUNDA_MOCK_PORT: 'http' }, /CAMUNDA_MOCK_PORT/],
    [{ ONEZONE_MOCK_PORT: '70000' }, /ONEZONE_MOCK_PORT/],
    [{ MOCK_DYNAMIC: 'yes' }, /MOCK_DYNAMIC/],
    [{ MOCK_LOG_LEVEL: 'loud' }, /MOCK_LOG_LEVEL/],
  ])('names the bad variable in %j', (env, message) => {
    expect(() => loadConfig(env)).toThrow(message);
  });
});
