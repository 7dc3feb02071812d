import type { Client } from 'openapi-fetch';
import { createTypedClient, type TypedClientOptions } from '@repo/client-kit';
import type { paths } from '@repo/specs/onezone';

/** Options of {@link createOnezoneClient}: auth, mock scenario, fetch and headers as in `@repo/client-kit`. */
export interface OnezoneClientOptions extends TypedClientOptions {
  /**
   * The API root, including the `/api/v3/onezone` base path: `http://localhost:8081/api/v3/onezone`
   * for the server, `http://127.0.0.1:4011/api/v3/onezone` for the mock. Switching between the two
   * is only a matter of this URL.
   */
  baseUrl: string;
}

/** A typed openapi-fetch client of the Onezone users API: `client.POST('/users', { body })`. */
export type OnezoneClient = Client<paths>;

/**
 * Creates a typed client of the Onezone REST API v3 users operations. Every method, path, body
 * and response type comes from the generated `paths` of `@repo/specs/onezone`; there are no
 * hand-written endpoint methods. Errors come back as `error`, typed as {@link OnezoneError}.
 *
 * @throws TypeError when `scenario` is not a valid mock scenario such as
 * `code=400, example=badValueIdentifierOccupied`.
 *
 * @example
 * const onezone = createOnezoneClient({ baseUrl: 'http://localhost:8081/api/v3/onezone', auth: { username: 'admin', password: 'password' } });
 * const result = await onezone.POST('/users', { body: { username: 'r.lingens', password: 'lS1c6FD2mxB2ff' } });
 * if (!result.error) console.log(createdUserId(result));
 *
 * @example
 * // Sign in with a client token (sent as `Authorization: Bearer`) instead of a password:
 * const { data } = await onezone.POST('/user/client_tokens', { body: {} });
 * const asToken = createOnezoneClient({ baseUrl: 'http://localhost:8081/api/v3/onezone', token: data!.token });
 */
export function createOnezoneClient(options: OnezoneClientOptions): OnezoneClient {
  return createTypedClient<paths>(options);
}
