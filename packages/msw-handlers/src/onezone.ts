/**
 * MSW handlers of the Onezone users API, from `specs/generated/onezone.openapi.json`.
 *
 * @example
 * import { setupServer } from 'msw/node';
 * import { onezone } from '@repo/msw-handlers/onezone';
 * const server = setupServer(...onezone.handlers({ scenarios: { list_users: 'code=403' } }));
 */
import { onezoneSpec, type operations, type paths } from '@repo/specs/onezone';
import { createMockApi, type MockApi } from './mock-api.ts';

/** The Onezone users API's handlers; base path `/api/v3/onezone`. */
export const onezone: MockApi<paths, operations> = createMockApi<paths, operations>(onezoneSpec);
