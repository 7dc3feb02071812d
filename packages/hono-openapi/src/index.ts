/**
 * @repo/hono-openapi — a spec-driven Hono runtime: handlers typed from openapi-typescript's
 * `paths`, request validation compiled once from the bundled spec, errors in each API's own format.
 *
 * Exported: what the apps use, and the types that appear in those exports' signatures.
 */
export type { Authorization } from './authorization.ts';
export { createOpenApiApp } from './create-openapi-app.ts';
export { randomRequestId } from './request-id.ts';
export { fetchRequestHeader, requestHeader } from './request-headers.ts';
export type { OpenApiApp, OpenApiAppOptions, OperationRef } from './create-openapi-app.ts';
export type { ErrorClassifier, ErrorMapper, MappedError, RuntimeFailure, SecuritySchemeKind, ValidationLocation } from './failures.ts';
export type { JsonType, ValidationIssue } from './issues.ts';
export type { RuntimeLogger } from './logger.ts';
export type { ResponseValidationMode } from './pipeline.ts';
export { apiKey, basic, bearer } from './security.ts';
export type { BasicCredentials, BasicVerifier, SchemeVerifier, SecurityVerifiers, TaggedVerifier, TokenVerifier } from './security.ts';
export { PROPERTY_NAME_HYGIENE_KEYWORD, TEXT_HYGIENE_KEYWORD } from './text-hygiene.ts';
export type {
  Handler,
  HandlerRequest,
  HandlerResponse,
  NoParameters,
  OpenApiEnv,
  OpenApiVariables,
  OperationAt,
  OperationInfo,
  ParametersOf,
  PathsWithMethod,
  RequestBodyOf,
} from './types/handler-types.ts';
export type { HttpMethod, OpenApiDocumentInput } from './types/openapi-document.ts';
export { validationDetail } from './validation-detail.ts';
