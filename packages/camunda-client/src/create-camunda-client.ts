import createClient, { type Client, type ClientOptions } from 'openapi-fetch';
import type { paths } from '@repo/specs/camunda';
import { basicAuthMiddleware, type BasicCredentials } from './basic-auth.ts';
import { scenarioMiddleware } from './scenario.ts';

/** Options of {@link createCamundaClient}. */
export interface CamundaClientOptions {
  /**
   * The API root, including the `/v2` base path: `http://localhost:8080/v2` for the server,
   * `http://127.0.0.1:4010/v2` for the mock. Switching between the two is only a matter of this URL.
   */
  baseUrl: string;
  /** HTTP basic credentials sent with every request (see {@link basicAuthMiddleware}). */
  auth?: BasicCredentials;
  /**
   * A mock scenario, sent as the `Prefer` header with every request: an example name, a status
   * code or a full Prefer value such as `code=409, example=duplicateUsername` (see
   * {@link preferValue}). The real server ignores it; leave it unset there, since it also makes
   * browsers send a CORS preflight.
   */
  scenario?: string;
  /** The fetch to use; defaults to `globalThis.fetch`. Tests pass a fake. */
  fetch?: ClientOptions['fetch'];
  /** Headers sent with every request, e.g. `{ 'X-Request-Id': '…' }`. */
  headers?: ClientOptions['headers'];
}

/** A typed openapi-fetch client of the Camunda users API: `client.POST('/users', { body })`. */
export type CamundaClient = Client<paths>;

/**
 * Creates a typed client of the Camunda 8 users API. Every method, path, body and response type
 * comes from the generated `paths` of `@repo/specs/camunda`; there are no hand-written endpoint
 * methods. Errors come back as `error`, typed as {@link CamundaProblem}.
 *
 * @example
 * const camunda = createCamundaClient({ baseUrl: 'http://localhost:8080/v2', auth: { username: 'demo', password: 'demo' } });
 * const { data, error } = await camunda.POST('/users', { body: { username: 'jdoe', password: 's3cr3t' } });
 */
export function createCamundaClient(options: CamundaClientOptions): CamundaClient {
  const { baseUrl, auth, scenario, fetch, headers } = options;
  const client = createClient<paths>({
    baseUrl,
    ...(fetch ? { fetch } : {}),
    ...(headers ? { headers } : {}),
  });
  if (auth) client.use(basicAuthMiddleware(auth));
  if (scenario !== undefined) client.use(scenarioMiddleware(scenario));
  return client;
}
