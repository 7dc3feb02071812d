import { describe, expect, it } from 'vitest';
import { authJson } from './fixture-app.ts';
import { errorBody, type ErrorBody } from './fixtures/error-body-errors.ts';
import { componentValidator, onezoneApp, onezoneSpec } from './real-apps.ts';

// The runtime's failures and the Onezone mapping are tested once each: src/*.test.ts on the
// fixture spec, apps/onezone on the real mapper.
describe('the runtime on the real Onezone spec (fixture mapper)', () => {
  const isError = componentValidator(onezoneSpec, 'Error');

  async function expectError(res: Response, status: number, id: string): Promise<ErrorBody['error']> {
    expect(res.status).toBe(status);
    expect(res.headers.get('content-type')).toBe('application/json');
    const body = (await res.json()) as ErrorBody;
    expect(isError(body)).toBe(true);
    expect(body.error.id).toBe(id);
    return body.error;
  }

  it('exposes x-privileges so an app can answer 403 forbidden generically', async () => {
    const { api } = onezoneApp();
    api.handle('get', '/users', (req) => {
      const needed = (req.operation.extensions['x-privileges'] ?? []) as string[];
      if (!needed.every((p) => req.principal?.privileges.includes(p))) {
        return { status: 403, body: errorBody('forbidden') };
      }
      return { status: 200, body: { users: [] } };
    });
    await expectError(await api.app.request('/api/v3/onezone/users', { headers: authJson }), 403, 'forbidden');
  });
});
