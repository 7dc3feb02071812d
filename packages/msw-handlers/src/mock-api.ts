import { HttpResponse, type HttpHandler } from 'msw';
import { createOpenApiHttp, type OpenApiHttpHandlers } from 'openapi-msw';
import { responseExamples, type ResponseExample } from './response-examples.ts';
import { type Scenario, type ScenarioMap, selectExample } from './scenario.ts';

/** Where the handlers answer. */
export interface BaseUrlOption {
  /**
   * The API root the client under test calls, base path included (`http://localhost:8080/v2`).
   * Default: any origin with the spec's base path (`*​/v2`, `*​/api/v3/onezone`), so the handlers
   * answer whatever host the client was given.
   */
  baseUrl?: string;
}

/** Options of {@link MockApi.handlers}. */
export interface HandlersOptions<Operations> extends BaseUrlOption {
  /** A scenario per operation (by operationId); the others answer their default example. */
  scenarios?: ScenarioMap<Operations>;
}

/** The MSW handlers of one API, derived from its bundled spec. */
export interface MockApi<Paths extends {}, Operations> {
  /** Every named example of every response of every operation, in spec order. */
  readonly examples: readonly ResponseExample[];
  /**
   * The default handler set: one handler per operation, answering its first success example, or
   * the scenario `options.scenarios` picks for it. A request's own `Prefer` header (the clients'
   * `scenario` option) picks another scenario for that request, as on the Prism mock.
   */
  handlers(options?: HandlersOptions<Operations>): HttpHandler[];
  /**
   * One handler that answers one scenario of one operation, for `server.use(…)` in a single test:
   * `camunda.handler('createUser', 'code=409, example=duplicateUsername')`.
   *
   * @throws Error when the operation has no such scenario (the message lists those it has).
   */
  handler<OperationId extends keyof Operations & string>(
    operationId: OperationId,
    scenario: Scenario<Operations[OperationId]>,
    options?: BaseUrlOption,
  ): HttpHandler;
  /** One handler per named example (the whole catalogue), each always answering its example. */
  exampleHandlers(options?: BaseUrlOption): Array<{ example: ResponseExample; handler: HttpHandler }>;
  /** openapi-msw's typed `http` for hand-written handlers (paths, params and bodies typed by `Paths`). */
  http(options?: BaseUrlOption): OpenApiHttpHandlers<Paths>;
}

/**
 * The MSW handlers of the API described by `spec` (a bundled OpenAPI document) and typed by its
 * generated `paths` and `operations`. Bodies and headers are the spec's examples, read at run time.
 */
export function createMockApi<Paths extends {}, Operations>(spec: Record<string, unknown>): MockApi<Paths, Operations> {
  const examples = responseExamples(spec);
  const byOperation = new Map<string, ResponseExample[]>();
  for (const example of examples) byOperation.set(example.operationId, [...(byOperation.get(example.operationId) ?? []), example]);
  const defaultBaseUrl = `*${basePath(spec)}`;
  const http = ({ baseUrl = defaultBaseUrl }: BaseUrlOption = {}) => createOpenApiHttp<Paths>({ baseUrl });
  const operationExamples = (operationId: string) => {
    const found = byOperation.get(operationId);
    if (!found) throw new Error(`No operation ${operationId} in the spec; it has ${[...byOperation.keys()].join(', ')}`);
    return found;
  };
  const route = (options: BaseUrlOption, example: ResponseExample, answer: (request: Request) => Response): HttpHandler => {
    const typed = http(options) as unknown as Record<string, (path: string, resolver: (info: { request: Request }) => Response) => HttpHandler>;
    const method = typed[example.method];
    if (!method) throw new Error(`MSW has no handler for the method ${example.method}`);
    return method(example.path, ({ request }) => answer(request));
  };

  return {
    examples,
    http,
    handlers(options = {}) {
      return [...byOperation.entries()].map(([operationId, list]) => {
        const chosen = selectExample(list, options.scenarios?.[operationId as keyof Operations]);
        return route(options, chosen, (request) => {
          const prefer = request.headers.get('Prefer');
          if (prefer === null) return respond(chosen);
          try {
            return respond(selectExample(list, prefer));
          } catch (error) {
            return noSuchScenario(error);
          }
        });
      });
    },
    handler(operationId, scenario, options = {}) {
      const example = selectExample(operationExamples(operationId), scenario);
      return route(options, example, () => respond(example));
    },
    exampleHandlers(options = {}) {
      return examples.map((example) => ({ example, handler: route(options, example, () => respond(example)) }));
    },
  };
}

/** The example as an HTTP response: its status, its headers, its body in its media type. */
function respond(example: ResponseExample): Response {
  const headers = new Headers(example.headers);
  if (example.mediaType) headers.set('Content-Type', example.mediaType);
  return new HttpResponse(example.body === undefined ? null : JSON.stringify(example.body), { status: example.status, headers });
}

/** What the Prism mock answers for a `Prefer` naming no scenario: a 404 problem saying so. */
function noSuchScenario(error: unknown): Response {
  const detail = error instanceof Error ? error.message : String(error);
  return HttpResponse.json(
    { type: 'about:blank', title: 'No such mock scenario', status: 404, detail },
    { status: 404, headers: { 'Content-Type': 'application/problem+json' } },
  );
}

/** The path of the spec's first server URL (`/v2`), without a trailing slash. */
function basePath(spec: Record<string, unknown>): string {
  const [server] = Array.isArray(spec.servers) ? (spec.servers as Array<{ url?: unknown }>) : [];
  const url = typeof server?.url === 'string' ? server.url : '/';
  return new URL(url, 'http://base.invalid').pathname.replace(/\/$/, '');
}
