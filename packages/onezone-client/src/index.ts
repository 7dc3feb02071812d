/**
 * Typed client of the Onezone REST API v3 users operations (`/api/v3/onezone`), built on
 * openapi-fetch and the generated types of `@repo/specs/onezone`. Works in browsers and Node,
 * against the server and the Prism mock alike.
 *
 * @packageDocumentation
 */
export type { components, operations, paths } from '@repo/specs/onezone';
export { basicAuthMiddleware, basicAuthorization, bearerAuthMiddleware, type BasicCredentials } from '@repo/client-kit';
export { preferValue, scenarioMiddleware } from '@repo/client-kit';
export { createOnezoneClient, type OnezoneClient, type OnezoneClientOptions } from './create-onezone-client.ts';
export { errorMessage, type OnezoneError } from './error-message.ts';
export { createdUserId, userIdFromLocation } from './user-id.ts';
export { isStatus, retryAfterMs, type ResilienceOptions, type RetryOptions } from '@repo/client-kit';
