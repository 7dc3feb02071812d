// Every scenario of both bundles, asked for with its Prefer header, answers on the stateful mock
// as documented, exactly as scenarios.test.ts checks Prism.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { operationScenarios } from '../scenarios.ts';
import { STATEFUL_APIS } from './apis.ts';
import type { StatefulMock } from './stateful-mock.ts';
import { basicAuth, testMock } from './test-mocks.ts';

const mocks: Partial<Record<keyof typeof STATEFUL_APIS, StatefulMock>> = {};
beforeAll(async () => {
  mocks.camunda = await testMock('camunda');
  mocks.onezone = await testMock('onezone');
});
afterAll(() => Promise.all(Object.values(mocks).map((mock) => mock.close())));

describe.each(Object.values(STATEFUL_APIS).map((api) => [api.name, api] as const))('%s stateful mock', (name, api) => {
  const basePath = new URL(String(api.spec.servers?.[0]?.url)).pathname;
  describe.each(operationScenarios(api.spec).map((operation) => [operation.operationId, operation] as const))('%s', (_, operation) => {
    it.each(operation.scenarios.map((scenario) => [scenario.prefer, scenario] as const))('answers Prefer: %s as documented', async (prefer, scenario) => {
      const headers: Record<string, string> = { authorization: basicAuth('anyone', 'anything'), prefer };
      if (operation.request.mediaType) headers['content-type'] = operation.request.mediaType;
      const response = await mocks[name]!.fetch(
        new Request(`http://mock.test${basePath}${operation.request.path}`, {
          method: operation.method,
          headers,
          ...(operation.request.body === undefined ? {} : { body: JSON.stringify(operation.request.body) }),
        }),
      );
      const text = await response.text();
      expect(response.status, text).toBe(scenario.status);
      if (scenario.mediaType === undefined) expect(text).toBe('');
      else {
        expect(response.headers.get('content-type')).toContain(scenario.mediaType);
        expect(JSON.parse(text)).toEqual(scenario.body);
      }
      for (const [header, value] of Object.entries(scenario.headers)) expect(response.headers.get(header), header).toBe(value);
    });
  });
});
