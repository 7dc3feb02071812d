/**
 * What the typed API clients (`@repo/camunda-client`, `@repo/onezone-client`) share: HTTP basic
 * authentication, mock scenarios sent as `Prefer`, and {@link createTypedClient}, which builds an
 * openapi-fetch client with both. Browser-safe: no Node-only APIs.
 *
 * @packageDocumentation
 */
export { basicAuthMiddleware, basicAuthorization, type BasicCredentials } from './basic-auth.ts';
export { createTypedClient, type TypedClientOptions } from './create-typed-client.ts';
export { preferValue, scenarioMiddleware } from './scenario.ts';
