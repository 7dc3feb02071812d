/**
 * Typed client of the Camunda 8 users API (`/v2`), built on openapi-fetch and the generated types
 * of `@repo/specs/camunda`. Works in browsers and Node, against the server and the Prism mock alike.
 *
 * @packageDocumentation
 */
export type { components, operations, paths } from '@repo/specs/camunda';
export { basicAuthMiddleware, basicAuthorization, type BasicCredentials } from '@repo/client-kit';
export { preferValue, scenarioMiddleware } from '@repo/client-kit';
export { isStatus, retryAfterMs, type ResilienceOptions, type RetryOptions } from '@repo/client-kit';
export { createCamundaClient, type CamundaClient, type CamundaClientOptions } from './create-camunda-client.ts';
export { problemMessage, type CamundaProblem } from './problem-message.ts';
export { CamundaRequestError, searchUsersItems, searchUsersPages, type SearchUsersOptions } from './search-users.ts';
