import { describe, expect, it } from 'vitest';
import { authJson, basicAuth } from './fixture-app.ts';
import { errorBody, type ErrorBody } from './fixtures/error-body-errors.ts';
import { componentValidator, onezoneApp, onezoneSpec } from './real-apps.ts';

describe('the runtime on the real Onezone spec (fixture mapper)', () => {
  const isError = componentValidator(onezoneSpec, 'Error');

  function app() {
    const { api, logger } = onezoneApp();
    api.handle('post', '/users', (req) => {
      if (req.body.username === 'explode') throw new Error('boom');
      return { status: 201, headers: { Location: 'https://onezone.example/api/v3/onezone/users/abc123' } };
    });
    return { api, logger };
  }

  const post = (body: string, headers: Record<string, string> = authJson) =>
    app().api.app.request('/api/v3/onezone/users', { method: 'POST', headers, body });

  async function expectError(res: Response, status: number, id: string): Promise<ErrorBody['error']> {
    expect(res.status).toBe(status);
    expect(res.headers.get('content-type')).toBe('application/json');
    const body = (await res.json()) as ErrorBody;
    expect(isError(body)).toBe(true);
    expect(body.error.id).toBe(id);
    return body.error;
  }

  it('answers a body that is not JSON with malformedData', async () => {
    await expectError(await post('{"username":'), 400, 'malformedData');
  });

  it('answers missing credentials with 401 unauthorized and a challenge', async () => {
    const res = await post('{}', { 'content-type': 'application/json' });
    expect(res.headers.get('www-authenticate')).toMatch(/^Basic realm=/);
    const error = await expectError(res, 401, 'unauthorized');
    expect(error.details).toBeUndefined();
  });

  it('answers bad basic credentials with 401 and authError badBasicCredentials', async () => {
    const error = await expectError(await post('{}', { ...authJson, authorization: basicAuth('admin', 'x') }), 401, 'unauthorized');
    expect(error.details).toEqual({ authError: { id: 'badBasicCredentials', description: 'Invalid username or password.' } });
  });

  it('answers an unknown route with 404 notFound', async () => {
    await expectError(await app().api.app.request('/api/v3/onezone/groups', { headers: authJson }), 404, 'notFound');
  });

  it('answers a wrong method with 405 and Allow', async () => {
    const res = await app().api.app.request('/api/v3/onezone/user', { method: 'POST', headers: authJson });
    expect(res.headers.get('allow')).toBe('GET, DELETE, PATCH, HEAD');
    await expectError(res, 405, 'notSupported');
  });

  it('answers 415 and 413', async () => {
    await expectError(await post('x', { ...authJson, 'content-type': 'text/plain' }), 415, 'unsupportedMediaType');
    await expectError(await post('{}', { ...authJson, 'content-length': String(2 * 1024 * 1024) }), 413, 'payloadTooLarge');
  });

  it('answers a failing handler with internalServerError whose reference is the logged request id', async () => {
    const { api, logger } = app();
    const res = await api.app.request('/api/v3/onezone/users', {
      method: 'POST',
      headers: authJson,
      body: JSON.stringify({ username: 'explode' }),
    });
    const error = await expectError(res, 500, 'internalServerError');
    expect(error.details).toEqual({ reference: res.headers.get('x-request-id') });
    expect(logger.lines[0]?.obj['requestId']).toBe(res.headers.get('x-request-id'));
  });

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
