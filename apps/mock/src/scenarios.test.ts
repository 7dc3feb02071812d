// Every scenario of both bundles, asked for with its Prefer header, answers as documented.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MOCKED_APIS } from './apis.ts';
import type { SpecDocument } from './mount-bundle.ts';
import { operationScenarios } from './scenarios.ts';
import { startMocks, type RunningMocks } from './start-mocks.ts';

const AUTHORIZATION = `Basic ${btoa('demo:demo')}`;
let mocks: RunningMocks;

beforeAll(async () => {
  mocks = await startMocks({ camundaPort: 0, onezonePort: 0, watch: false });
}, 30_000);
afterAll(() => mocks?.close());

describe.each(MOCKED_APIS.map((api) => [api.name, api] as const))('%s mock', (name, api) => {
  const operations = operationScenarios(JSON.parse(readFileSync(api.bundlePath, 'utf8')) as SpecDocument);

  it('has scenarios to check', () => {
    expect(operations.flatMap((operation) => operation.scenarios).length).toBeGreaterThan(operations.length);
  });

  describe.each(operations.map((operation) => [operation.operationId, operation] as const))('%s', (_, operation) => {
    it.each(operation.scenarios.map((scenario) => [scenario.prefer, scenario] as const))(
      'answers Prefer: %s as documented',
      async (prefer, scenario) => {
        const headers: Record<string, string> = { Authorization: AUTHORIZATION, Prefer: prefer };
        if (operation.request.mediaType) headers['Content-Type'] = operation.request.mediaType;
        const response = await fetch(`${mocks[name].baseUrl}${operation.request.path}`, {
          method: operation.method,
          headers,
          ...(operation.request.body === undefined ? {} : { body: JSON.stringify(operation.request.body) }),
        });
        const text = await response.text();

        expect(response.status, text).toBe(scenario.status);
        if (scenario.mediaType === undefined) {
          expect(text).toBe('');
        } else {
          expect(response.headers.get('Content-Type')?.toLowerCase()).toContain(scenario.mediaType);
          expect(JSON.parse(text)).toEqual(scenario.body);
        }
        for (const [header, value] of Object.entries(scenario.headers)) {
          expect(response.headers.get(header), header).toBe(value);
        }
        expect(response.headers.get('sl-violations'), 'the request is valid').toBeNull();
      },
    );
  });
});

it('checks the Location of a created Onezone user', () => {
  const spec = JSON.parse(readFileSync(MOCKED_APIS[1]!.bundlePath, 'utf8')) as SpecDocument;
  const created = operationScenarios(spec).find((operation) => operation.operationId === 'create_user')?.scenarios[0];
  expect(created?.status).toBe(201);
  expect(created?.headers.Location).toMatch(/\/api\/v3\/onezone\/users\/[^/]+$/);
});
