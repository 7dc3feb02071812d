import { describe, expect, it } from 'vitest';
import { camundaSpec } from '@repo/specs/camunda';
import { onezoneSpec } from '@repo/specs/onezone';
import { authJson } from './fixture-app.ts';
import { camundaApp, onezoneApp } from './real-apps.ts';

describe('the real specs', () => {
  // Each compile of a real spec takes a second or more of ajv work: one app per spec.
  it('compile, with every operation routed under its server path', () => {
    const camunda = camundaApp().api;
    const onezone = onezoneApp().api;
    expect(camunda.basePath).toBe('/v2');
    expect(onezone.basePath).toBe('/api/v3/onezone');
    expect(camunda.unimplemented().map((op) => op.operationId).sort()).toEqual(operationIds(camundaSpec).sort());
    expect(onezone.unimplemented().map((op) => op.operationId).sort()).toEqual(operationIds(onezoneSpec).sort());
    expect(operationIds(camundaSpec)).toContain('createUser');
    expect(operationIds(onezoneSpec)).toContain('create_user');
  });

  it('applies searchUsers defaults and checks its answer against the spec', async () => {
    const { api } = camundaApp();
    let page: unknown;
    api.handle('post', '/users/search', (req) => {
      page = req.body?.page;
      return { status: 200, body: { items: [{ key: 1, username: 'demo' }], page: { totalItems: 1 } } };
    });
    const res = await api.app.request('/v2/users/search', { method: 'POST', headers: authJson, body: '{"page":{}}' });
    expect(res.status).toBe(200);
    expect(page).toEqual({ from: 0, limit: 100 });
  });

  it('catches a Onezone answer that breaks UserProtectedInfo', async () => {
    const { api, logger } = onezoneApp('warn');
    api.handle('get', '/user', () => ({ status: 200, body: { userId: 'u1' } }) as never);
    expect((await api.app.request('/api/v3/onezone/user', { headers: authJson })).status).toBe(200);
    expect(logger.lines[0]?.obj['violations']).toContain("body /fullName must have required property 'fullName'");
  });
});

/** The operationIds of a bundled spec. */
function operationIds(spec: Record<string, unknown>): string[] {
  const paths = spec['paths'] as Record<string, Record<string, { operationId?: string }>>;
  return Object.values(paths).flatMap((item) =>
    Object.entries(item)
      .filter(([method]) => ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'].includes(method))
      .map(([, operation]) => operation.operationId ?? ''),
  );
}
