/**
 * What the typed API clients (`@repo/camunda-client`, `@repo/onezone-client`) share: HTTP basic
 * or bearer-token authentication, mock scenarios sent as `Prefer`, timeouts and retries
 * ({@link resilienceMiddleware}), errors narrowed by status ({@link isStatus}), and
 * {@link createTypedClient}, which builds an openapi-fetch client with all of them. Browser-safe:
 * no Node-only APIs.
 *
 * @packageDocumentation
 */
export { backoffDelayMs, type BackoffOptions } from './backoff.ts';
export { basicAuthMiddleware, basicAuthorization, type BasicCredentials } from './basic-auth.ts';
export { bearerAuthMiddleware } from './bearer-auth.ts';
export { createTypedClient, type TypedClientOptions } from './create-typed-client.ts';
export { RESILIENCE_DEFAULTS, resilienceMiddleware, type ResilienceOptions, type RetryOptions } from './resilience.ts';
export { retryAfterMs } from './retry-after.ts';
export { preferValue, scenarioMiddleware } from './scenario.ts';
export { isStatus, type DeclaredStatus, type StatusBody, type StatusResult } from './status.ts';
