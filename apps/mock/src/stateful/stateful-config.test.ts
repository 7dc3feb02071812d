import { describe, expect, it } from 'vitest';
import { loadStatefulConfig } from './stateful-config.ts';

describe('loadStatefulConfig', () => {
  it("defaults to ports beside Prism's, loopback, the README's admin and quiet logs", () => {
    expect(loadStatefulConfig({})).toEqual({
      host: '127.0.0.1',
      camundaPort: 4020,
      onezonePort: 4021,
      admin: { username: 'admin', password: 'change-me-now' },
      logLevel: 'error',
    });
  });

  it('reads every variable', () => {
    const env = { MOCK_HOST: '0.0.0.0', CAMUNDA_STATEFUL_MOCK_PORT: '0', ONEZONE_STATEFUL_MOCK_PORT: '5021', ADMIN_USERNAME: 'root', ADMIN_PASSWORD: 'pw', MOCK_LOG_LEVEL: 'info' };
    expect(loadStatefulConfig(env)).toEqual({ host: '0.0.0.0', camundaPort: 0, onezonePort: 5021, admin: { username: 'root', password: 'pw' }, logLevel: 'info' });
  });

  it.each([
    [{ CAMUNDA_STATEFUL_MOCK_PORT: 'x' }, /CAMUNDA_STATEFUL_MOCK_PORT/],
    [{ ONEZONE_STATEFUL_MOCK_PORT: '99999' }, /ONEZONE_STATEFUL_MOCK_PORT/],
    [{ MOCK_LOG_LEVEL: 'loud' }, /MOCK_LOG_LEVEL/],
  ])('names the bad variable in %j', (env, message) => {
    expect(() => loadStatefulConfig(env)).toThrow(message);
  });
});
