import type { Client } from 'openapi-fetch';
import { createTypedClient, type TypedClientOptions } from '@repo/client-kit';
import type { paths } from '@repo/specs/camunda';

/** Options of {@link createCamundaClient}: auth, mock scenario, fetch and headers as in `@repo/client-kit`. */
export interface CamundaClientOptions extends TypedClientOptions {
  /**
   * The API root, including the `/v2` base path: `http://localhost:8080/v2` for the server,
   * `http://127.0.0.1:4010/v2` for the mock. Switching between the two is only a matter of this URL.
   */
  baseUrl: string;
}

/** A typed openapi-fetch client of the Camunda users API: `client.POST('/users', { body })`. */
export type CamundaClient = Client<paths>;

/**
 * Creates a typed client of the Camunda 8 users API. Every method, path, body and response type
 * comes from the generated `paths` of `@repo/specs/camunda`; there are no hand-written endpoint
 * methods. Errors come back as `error`, typed as {@link CamundaProblem}.
 *
 * @throws TypeError when `scenario` is not a valid mock scenario.
 *
 * @example
 * const camunda = createCamundaClient({ baseUrl: 'http://localhost:8080/v2', auth: { username: 'demo', password: 'demo' } });
 * const { data, error } = await camunda.POST('/users', { body: { username: 'jdoe', password: 's3cr3t' } });
 */
export function createCamundaClient(options: CamundaClientOptions): CamundaClient {
  return createTypedClient<paths>(options);
}
