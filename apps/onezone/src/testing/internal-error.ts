import { expect } from 'vitest';
import { SqlUserStore } from '../stores/sql-user-store.ts';
import type { UserStore } from '../stores/user-store.ts';
import { breakableStore, STORE_FAILURE } from './failing-store.ts';
import { createTestApp, type TestApp } from './test-app.ts';

/** A test app whose store's `method` fails once set up. */
export async function createBrokenApp(method: keyof UserStore): Promise<TestApp> {
  const breakable = breakableStore(await SqlUserStore.open({ inMemory: true, dataDir: 'unused', fileName: 'unused' }));
  const t = await createTestApp({ store: breakable.store });
  breakable.breakMethod(method);
  return t;
}

/**
 * Asserts a 500 in Onezone's format: `internalServerError` whose reference is the request id
 * (also in `X-Request-Id`), nothing of the failure in the body, and a log line with the same id.
 */
export function expectInternalError(t: TestApp, response: Response, error: unknown): void {
  expect(response.status).toBe(500);
  const requestId = response.headers.get('x-request-id') ?? '';
  expect(requestId).not.toBe('');
  const raw = JSON.stringify(error);
  expect(error).toEqual({
    error: { id: 'internalServerError', description: expect.stringContaining(requestId), details: { reference: requestId } },
  });
  expect(raw).not.toContain(STORE_FAILURE);
  expect(raw).not.toMatch(/stack|\.ts:\d/);
  const logged = t.log.lines.find((line) => line['level'] === 50 && line['requestId'] === requestId && line['err'] !== undefined);
  expect(JSON.stringify(logged)).toContain(STORE_FAILURE);
}
