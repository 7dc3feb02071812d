import createClient, { type Client, type ClientOptions } from 'openapi-fetch';
import type { paths } from '@repo/specs/onezone';
import { basicAuthMiddleware, type BasicCredentials } from './basic-auth.ts';
import { scenarioMiddleware } from './scenario.ts';

/** Options of {@link createOnezoneClient}. */
export interface OnezoneClientOptions {
  /**
   * The API root, including the `/api/v3/onezone` base path: `http://localhost:8081/api/v3/onezone`
   * for the server, `http://127.0.0.1:4011/api/v3/onezone` for the mock. Switching between the two
   * is only a matter of this URL.
   */
  baseUrl: string;
  /** HTTP basic credentials sent with every request (see {@link basicAuthMiddleware}). */
  auth?: BasicCredentials;
  /**
   * A mock scenario, sent as the `Prefer` header with every request: an example name, a status
   * code or a full Prefer value such as `code=400, example=badValueIdentifierOccupied` (see
   * {@link preferValue}). The real server ignores it; leave it unset there, since it also makes
   * browsers send a CORS preflight.
   */
  scenario?: string;
  /** The fetch to use; defaults to `globalThis.fetch`. Tests pass a fake. */
  fetch?: ClientOptions['fetch'];
  /** Headers sent with every request, e.g. `{ 'X-Request-Id': '…' }`. */
  headers?: ClientOptions['headers'];
}

/** A typed openapi-fetch client of the Onezone users API: `client.POST('/users', { body })`. */
export type OnezoneClient = Client<paths>;

/**
 * Creates a typed client of the Onezone REST API v3 users operations. Every method, path, body
 * and response type comes from the generated `paths` of `@repo/specs/onezone`; there are no
 * hand-written endpoint methods. Errors come back as `error`, typed as {@link OnezoneError}.
 *
 * @example
 * const onezone = createOnezoneClient({ baseUrl: 'http://localhost:8081/api/v3/onezone', auth: { username: 'admin', password: 'password' } });
 * const result = await onezone.POST('/users', { body: { username: 'r.lingens', password: 'lS1c6FD2mxB2ff' } });
 * if (!result.error) console.log(createdUserId(result));
 */
export function createOnezoneClient(options: OnezoneClientOptions): OnezoneClient {
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
