import { describe, expect, it } from 'vitest';
import { authJson } from './fixture-app.ts';
import { errorBody, type ErrorBody } from './fixtures/error-body-errors.ts';
import { onezoneApp } from './real-apps.ts';

// The runtime's failures and the Onezone mapping are tested once each: src/*.test.ts on the
// fixture spec, apps/onezone on the real mapper.
describe('the runtime on the real Onezone spec (fixture mapper)', () => {
  async function expectError(res: Response, status: number, id: string): Promise<ErrorBody['error']> {
    expect(res.status).toBe(status);
    expect(res.headers.get('content-type')).toBe('application/json');
    const body = (await res.json()) as ErrorBody;
    expect(body.error.id).toBe(id);
    return body.error;
  }

  it('fills in the default full name before the handler runs', async () => {
    const { api } = onezoneApp();
    let fullName: string | undefined;
    api.handle('post', '/users', (req) => {
      fullName = req.body.fullName;
      return { status: 201, headers: { Location: 'https://x/api/v3/onezone/users/1' } };
    });
    await api.app.request('/api/v3/onezone/users', { method: 'POST', headers: authJson, body: '{}' });
    expect(fullName).toBe('Unnamed User');
  });

  it('reads x-privileges through the authorization option: forbidden before the body is read', async () => {
    const { api } = onezoneApp('throw', {
      extension: 'x-privileges',
      allows: (admin, required) => required.every((privilege) => admin.privileges.includes(privilege)),
    });
    api.handle('get', '/users', () => ({ status: 200, body: { users: [] } }));
    api.handle('patch', '/users/{id}/access_block', () => ({ status: 204 }));
    api.handle('post', '/users', () => ({ status: 201, headers: { Location: 'https://x/api/v3/onezone/users/1' } }));
    // The fixture's admin holds oz_users_create only.
    await expectError(await api.app.request('/api/v3/onezone/users', { headers: authJson }), 403, 'forbidden');
    const patch = { method: 'PATCH', headers: authJson, body: '{"blocked":' };
    await expectError(await api.app.request('/api/v3/onezone/users/abc/access_block', patch), 403, 'forbidden');
    await expectError(await api.app.request('/api/v3/onezone/users', { method: 'POST', headers: authJson, body: '{"username":1}' }), 400, 'badData');
  });
});
