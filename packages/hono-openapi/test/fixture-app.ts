/**
 * The fixture spec wired into an app with test verifiers and a capturing logger, for the runtime's
 * behaviour tests.
 */
import { createOpenApiApp, type OpenApiAppOptions } from '../src/index.ts';
import { problemErrors, type Problem } from './fixtures/problem-errors.ts';
import { basic, bearer, apiKey } from '../src/security.ts';
import fixtureSpec from './fixtures/fixture.openapi.json' with { type: 'json' };
import type { paths } from './fixtures/fixture.ts';

export { fixtureSpec };
export type FixturePaths = paths;

/** Who the fixture's verifiers authenticate. */
export interface TestUser {
  readonly name: string;
  readonly via: 'basic' | 'bearer' | 'apiKey';
}

/** A logger that keeps what it was told. */
export function captureLogger() {
  const lines: { level: 'warn' | 'error'; obj: Record<string, unknown>; msg: string }[] = [];
  return {
    lines,
    warn: (obj: object, msg: string) => void lines.push({ level: 'warn', obj: obj as Record<string, unknown>, msg }),
    error: (obj: object, msg: string) => void lines.push({ level: 'error', obj: obj as Record<string, unknown>, msg }),
  };
}

export const basicAuth = (username = 'admin', password = 'admin-password') =>
  `Basic ${Buffer.from(`${username}:${password}`).toString('base64')}`;

/** The fixture app with the problem+json fixture mapper; `admin:admin-password`, token `good-token`, key `good-key`. */
export function fixtureApp(overrides: Partial<OpenApiAppOptions<TestUser>> = {}) {
  const logger = captureLogger();
  const api = createOpenApiApp<paths, TestUser>({
    spec: fixtureSpec,
    errors: problemErrors,
    validateResponses: 'throw',
    logger,
    security: {
      basicAuth: basic(({ username, password }) =>
        username === 'admin' && password === 'admin-password' ? { name: username, via: 'basic' } : null,
      ),
      bearerAuth: bearer(async (token) => (token === 'good-token' ? { name: 'token-user', via: 'bearer' } : null)),
      apiKeyAuth: apiKey((key) => (key === 'good-key' ? { name: 'key-user', via: 'apiKey' } : null)),
    },
    ...overrides,
  });
  return { api, logger };
}

/** Default headers of an authenticated JSON request. */
export const authJson = { authorization: basicAuth(), 'content-type': 'application/json' };

/** The problem+json body of a response. */
export async function problemOf(res: Response): Promise<Problem> {
  return (await res.json()) as Problem;
}
