/**
 * The stateful mock's answer to `Prefer: code=…, example=…`: the spec's example, as Prism serves
 * it, behind the same runtime the servers use. Content type, body size, JSON, body, path and query
 * are validated by `@repo/hono-openapi` with the API's own error mapper, so a bad request gets the
 * server's error; like Prism, any credentials pass where the spec asks for some, and none get 401.
 * The state is neither read nor changed.
 */
import { apiKey, basic, bearer, createOpenApiApp, type ErrorMapper, type HttpMethod, type RuntimeLogger, type SecurityVerifiers } from '@repo/hono-openapi';
import type { SpecDocument } from '../mount-bundle.ts';
import { operationScenarios } from '../scenarios.ts';
import { apiFront } from './api-front.ts';
import { parsePrefer, pickScenario } from './prefer.ts';

/** What {@link createScenarioApp} needs of one API. */
export interface ScenarioAppOptions {
  spec: SpecDocument;
  errors: ErrorMapper;
  /** The server's body limit, so that 413 comes at the same size. */
  bodyLimit: number;
  /** The `WWW-Authenticate` realm of the server. */
  realm: string;
  logger: RuntimeLogger;
}

/**
 * Prism's rule for every security scheme of the spec: the credentials must be there (the header,
 * the token), their content is not checked.
 */
function acceptAnyCredentials(spec: SpecDocument): SecurityVerifiers<object> {
  const schemes = ((spec.components as { securitySchemes?: Record<string, { type?: string; scheme?: string }> } | undefined)?.securitySchemes ?? {});
  const anyone = () => ({});
  return Object.fromEntries(
    Object.entries(schemes).map(([name, scheme]) => [
      name,
      scheme.type === 'apiKey' ? apiKey(anyone) : scheme.type === 'http' && scheme.scheme?.toLowerCase() === 'basic' ? basic(anyone) : bearer(anyone),
    ]),
  );
}

/** The problem `type` of the mock's own error: an undocumented scenario was asked for. */
export const UNKNOWN_SCENARIO_TYPE = 'urn:repo:mock:unknown-scenario';

/**
 * A fetch handler answering every operation of `spec` with the scenario its `Prefer` header names.
 * An operation that documents no such scenario answers 400 `application/problem+json` of type
 * {@link UNKNOWN_SCENARIO_TYPE}, listing the `Prefer` values it does document.
 */
export function createScenarioApp(options: ScenarioAppOptions): { fetch: (request: Request, env?: unknown) => Response | Promise<Response> } {
  const api = createOpenApiApp<Record<string, never>, object>({
    spec: options.spec,
    errors: options.errors,
    security: acceptAnyCredentials(options.spec),
    validateResponses: 'off',
    bodyLimit: options.bodyLimit,
    realm: options.realm,
    logger: options.logger,
  });
  for (const operation of operationScenarios(options.spec)) {
    const register = api.handle as (method: HttpMethod, path: string, handler: (req: unknown, c: { req: { header(name: string): string | undefined } }) => unknown) => unknown;
    register(operation.method.toLowerCase() as HttpMethod, operation.path, (_req, c) => {
      const preference = parsePrefer(c.req.header('prefer')) ?? {};
      const scenario = pickScenario(operation.scenarios, preference);
      if (scenario === undefined) {
        return {
          status: 400,
          contentType: 'application/problem+json',
          body: {
            type: UNKNOWN_SCENARIO_TYPE,
            title: 'Unknown mock scenario',
            status: 400,
            detail: `${operation.operationId} documents no response for Prefer: ${c.req.header('prefer')}; it documents: ${operation.scenarios.map((s) => s.prefer).join(' | ')}`,
          },
        };
      }
      return { status: scenario.status, body: scenario.body, contentType: scenario.mediaType, headers: scenario.headers };
    });
  }
  const fetch = (request: Request, env?: unknown) => api.app.fetch(request, env);
  return { fetch: apiFront(api.basePath, fetch, fetch) };
}
