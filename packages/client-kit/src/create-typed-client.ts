import createClient, { type Client, type ClientOptions } from 'openapi-fetch';
import { basicAuthMiddleware, type BasicCredentials } from './basic-auth.ts';
import { bearerAuthMiddleware } from './bearer-auth.ts';
import { resilienceMiddleware, type ResilienceOptions } from './resilience.ts';
import { scenarioMiddleware } from './scenario.ts';

/** Options of {@link createTypedClient}, and the base of each API client's options. */
export interface TypedClientOptions extends ResilienceOptions {
  /**
   * The API root, including the API's base path (e.g. `http://localhost:8080/v2`). The server and
   * the Prism mock differ only in this URL.
   */
  baseUrl: string;
  /** HTTP basic credentials sent with every request (see {@link basicAuthMiddleware}). */
  auth?: BasicCredentials;
  /**
   * An access token sent as `Authorization: Bearer <token>` with every request (see
   * {@link bearerAuthMiddleware}); instead of `auth`, not with it.
   */
  token?: string;
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

/**
 * Creates a typed openapi-fetch client of the API described by `Paths` (the generated `paths` of
 * openapi-typescript), with {@link basicAuthMiddleware} when `auth` is given,
 * {@link bearerAuthMiddleware} when `token` is, {@link scenarioMiddleware} when `scenario` is, and
 * always {@link resilienceMiddleware} (a timeout per attempt and retries; `timeoutMs: false` and
 * `retry: false` turn them off). Uses only fetch-standard APIs, so it runs in browsers as well as in
 * Node.
 *
 * @throws TypeError when `scenario` is not a valid scenario (see {@link preferValue}) or when both
 * `auth` and `token` are given, RangeError when `timeoutMs` or `retry.attempts` is out of range; at
 * creation rather than at the first request.
 *
 * @example
 * import type { paths } from '@repo/specs/camunda';
 * const client = createTypedClient<paths>({ baseUrl: 'http://localhost:8080/v2', auth: { username: 'demo', password: 'demo' } });
 */
export function createTypedClient<Paths extends {}>(options: TypedClientOptions): Client<Paths> {
  const { baseUrl, auth, token, scenario, fetch, headers, timeoutMs, retry } = options;
  if (auth !== undefined && token !== undefined) throw new TypeError('createTypedClient: give auth or token, not both');
  const resilience = resilienceMiddleware({
    ...(timeoutMs !== undefined ? { timeoutMs } : {}),
    ...(retry !== undefined ? { retry } : {}),
  });
  const client = createClient<Paths>({
    baseUrl,
    ...(fetch ? { fetch } : {}),
    ...(headers ? { headers } : {}),
  });
  if (auth) client.use(basicAuthMiddleware(auth));
  if (token !== undefined) client.use(bearerAuthMiddleware(token));
  if (scenario !== undefined) client.use(scenarioMiddleware(scenario));
  // Last, so that a retry sends the request with the headers the middlewares above set.
  client.use(resilience);
  return client;
}
