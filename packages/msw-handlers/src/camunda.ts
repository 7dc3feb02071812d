/**
 * MSW handlers of the Camunda users API, from `specs/generated/camunda.openapi.json`.
 *
 * @example
 * import { setupServer } from 'msw/node';
 * import { camunda } from '@repo/msw-handlers/camunda';
 * const server = setupServer(...camunda.handlers());
 * server.use(camunda.handler('createUser', 'code=409, example=duplicateUsername'));
 */
import { camundaSpec, type operations, type paths } from '@repo/specs/camunda';
import { createMockApi, type MockApi } from './mock-api.ts';

/** The Camunda users API's handlers; base path `/v2`. */
export const camunda: MockApi<paths, operations> = createMockApi<paths, operations>(camundaSpec);
