import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { camundaSpec } from '@repo/specs/camunda';
import { afterEach, describe, expect, it } from 'vitest';
import { refusedRequestProblem, uriPath } from './errors.ts';
import { ADMIN, createTestApp, type TestApp } from './testing/test-app.ts';

/** The spec's ProblemDetail, formats on: `instance` is `format: uri`. */
const ajv = new Ajv2020({ strict: false, allErrors: true });
addFormats(ajv);
ajv.addSchema(camundaSpec, 'camunda.json');
const isProblemDetail = ajv.compile({ $ref: 'camunda.json#/components/schemas/ProblemDetail' });
const isUri = ajv.compile({ type: 'string', format: 'uri' });

let h: TestApp | undefined;
afterEach(async () => {
  if (h === undefined) return;
  h.assertNoSecretsLeaked();
  await h.close();
  h = undefined;
});

const adminAuth = `Basic ${Buffer.from(`${ADMIN.username}:${ADMIN.password}`).toString('base64')}`;

describe('refusedRequestProblem', () => {
  it.each(['malformed', 'headersTooLarge'] as const)('answers a %s request 400 INVALID_ARGUMENT as a ProblemDetail without instance', (reason) => {
    const { status, contentType, body } = refusedRequestProblem(reason);
    expect({ status, contentType }).toEqual({ status: 400, contentType: 'application/problem+json' });
    expect(body).toMatchObject({ title: 'INVALID_ARGUMENT', status: 400 });
    expect(body).not.toHaveProperty('instance');
    expect(isProblemDetail(body), JSON.stringify(isProblemDetail.errors)).toBe(true);
  });
});

describe('uriPath', () => {
  it.each([
    ['/v2/users/%E0%A4%A', '/v2/users/%E0%A4%25A'],
    ['/v2/users/%ZZ', '/v2/users/%25ZZ'],
    ['/v2/users/%', '/v2/users/%25'],
    ['/v2/users/a|b[c]^d', '/v2/users/a%7Cb%5Bc%5D%5Ed'],
    ['/v2/users/%C3%A9', '/v2/users/%C3%A9'],
    ['/v2/users/1', '/v2/users/1'],
  ])('makes %s the valid URI path %s', (path, expected) => {
    expect(uriPath(path)).toBe(expected);
    expect(isUri(`http://localhost${uriPath(path)}`)).toBe(true);
  });
});

describe('problem instance', () => {
  it.each([
    ['/v2/users/%E0%A4%A', '/v2/users/%E0%A4%25A'],
    ['/v2/users/%ZZ', '/v2/users/%25ZZ'],
    ['/v2/users/%', '/v2/users/%25'],
    ['/v2/users/%00', '/v2/users/%00'],
    ['/v2/users/a|b', '/v2/users/a%7Cb'],
    ['/v2/nothing/%E0%A4%A', '/v2/nothing/%E0%A4%25A'],
    ['/v2/users/%C3%A9%5B', '/v2/users/%C3%A9%5B'],
  ])('gives DELETE %s the instance %s, a valid uri whatever the path held', async (path, instancePath) => {
    const harness = (h = await createTestApp());
    const response = await harness.send(new Request(`http://localhost${path}`, { method: 'DELETE', headers: { authorization: adminAuth } }));
    expect([400, 404]).toContain(response.status);
    const body = (await response.json()) as { instance: string };
    expect(isProblemDetail(body), JSON.stringify(isProblemDetail.errors)).toBe(true);
    expect(body.instance).toBe(`http://localhost${instancePath}`);
  });

  it('is built from PUBLIC_BASE_URL when it is set, path prefix included', async () => {
    const harness = (h = await createTestApp({ config: { publicBaseUrl: 'https://camunda.example.com/identity' } }));
    const response = await harness.send(new Request('http://evil.example.com/v2/users/1', { method: 'DELETE' }));
    expect(response.status).toBe(401);
    expect(await response.json()).toMatchObject({ instance: 'https://camunda.example.com/identity/v2/users/1' });
  });
});
