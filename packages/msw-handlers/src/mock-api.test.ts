import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { camunda } from './camunda.ts';
import { onezone } from './onezone.ts';
import type { ResponseExample } from './response-examples.ts';

const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

const APIS = [
  { name: 'camunda', api: camunda, base: 'http://camunda.test/v2' },
  { name: 'onezone', api: onezone, base: 'http://onezone.test/api/v3/onezone' },
] as const;

/** Calls an example's operation under `base`, path parameters filled with `1`. */
function call(base: string, example: ResponseExample, headers: Record<string, string> = {}) {
  const path = example.path.replace(/\{[^}]+\}/g, '1');
  return fetch(`${base}${path}`, { method: example.method.toUpperCase(), headers });
}

/** What the client sees of a response, to compare with the example. */
async function seen(response: Response, example: ResponseExample) {
  const text = await response.text();
  return {
    status: response.status,
    contentType: response.headers.get('Content-Type'),
    body: text === '' ? undefined : JSON.parse(text),
    headers: Object.fromEntries(Object.keys(example.headers).map((name) => [name, response.headers.get(name)])),
  };
}

const expected = (example: ResponseExample) => ({
  status: example.status,
  contentType: example.mediaType ?? null,
  body: example.body,
  headers: example.headers,
});

describe.each(APIS)('$name handlers', ({ api, base }) => {
  it('has one handler per named example of every response of every operation', async () => {
    const catalogue = api.exampleHandlers();
    expect(catalogue.length).toBe(api.examples.length);
    for (const { example, handler } of catalogue) {
      server.resetHandlers(handler);
      expect(await seen(await call(base, example), example), `${example.operationId} ${example.prefer}`).toEqual(expected(example));
    }
  });

  it('answers each operation’s first success example by default', async () => {
    server.resetHandlers(...api.handlers());
    const defaults = api.examples.filter((example) => example.isDefault);
    expect(new Set(defaults.map((example) => example.operationId)).size).toBe(defaults.length);
    for (const example of defaults) {
      expect(example.status).toBeGreaterThanOrEqual(200);
      expect(example.status).toBeLessThan(300);
      expect(await seen(await call(base, example), example)).toEqual(expected(example));
    }
  });

  it('answers the scenario a request names in Prefer, as the Prism mock does', async () => {
    server.resetHandlers(...api.handlers());
    for (const example of api.examples.filter((candidate) => candidate.name !== undefined)) {
      const response = await call(base, example, { Prefer: example.prefer });
      expect(await seen(response, example), example.prefer).toEqual(expected(example));
    }
  });

  it('answers a Prefer naming no scenario with a 404 problem listing the scenarios', async () => {
    server.resetHandlers(...api.handlers());
    const [first] = api.examples;
    const response = await call(base, first!, { Prefer: 'code=299, example=bogus' });
    expect(response.status).toBe(404);
    expect(await response.json()).toMatchObject({ detail: expect.stringContaining(first!.prefer) });
  });

  it('answers only under baseUrl when one is given', async () => {
    const [first] = api.examples;
    server.resetHandlers(...api.handlers({ baseUrl: base }));
    expect((await call(base, first!)).status).toBe(first!.status);
    await expect(call(base.replace('.test', '.other'), first!)).rejects.toThrow();
  });
});

describe('scenarios', () => {
  it('picks a scenario per operation for the default set', async () => {
    server.resetHandlers(...camunda.handlers({ scenarios: { createUser: 'code=409, example=duplicateUsername', searchUsers: 'example=noMatch' } }));
    const created = await fetch('http://x/v2/users', { method: 'POST' });
    expect(created.status).toBe(409);
    expect(await created.json()).toEqual(camunda.examples.find((e) => e.operationId === 'createUser' && e.name === 'duplicateUsername')?.body);
    const found = await fetch('http://x/v2/users/search', { method: 'POST' });
    expect(await found.json()).toEqual(camunda.examples.find((e) => e.name === 'noMatch')?.body);
  });

  it('selects by status alone: the first example of that status', async () => {
    server.resetHandlers(onezone.handler('create_user', '400'));
    const response = await fetch('http://x/api/v3/onezone/users', { method: 'POST' });
    expect(await response.json()).toEqual(onezone.examples.find((e) => e.operationId === 'create_user' && e.status === 400)?.body);
  });

  it('serves a bodiless response with its header examples', async () => {
    server.resetHandlers(onezone.handler('create_user', 'code=201'));
    const response = await fetch('http://x/api/v3/onezone/users', { method: 'POST' });
    expect(response.status).toBe(201);
    expect(response.headers.get('Location')).toMatch(/\/api\/v3\/onezone\/users\/[^/]+$/);
    expect(await response.text()).toBe('');
  });

  it('throws, listing the scenarios, for one the operation does not have', () => {
    expect(() => camunda.handler('deleteUser', 'code=404, example=bogus')).toThrow(/No scenario "code=404, example=bogus" for deleteUser; its scenarios: code=204 \| .*code=404, example=unknownUserKey/);
    // A bare example name selects success examples only, as on Prism.
    expect(() => camunda.handler('createUser', 'example=duplicateUsername')).toThrow(/add code=<status>/);
  });

  it('throws for an unknown operation', () => {
    expect(() => camunda.handler('nope' as 'createUser', '202')).toThrow(/No operation nope/);
  });
});
