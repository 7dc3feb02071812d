import type { components } from '@repo/specs/camunda';
import type { CamundaClient } from './create-camunda-client.ts';
import { type CamundaProblem, problemMessage } from './problem-message.ts';

type SearchQuery = components['schemas']['UserSearchQueryRequest'];
type SearchPage = components['schemas']['UserSearchQueryResponse'];
type User = components['schemas']['UserResult'];

/** Options of {@link searchUsersPages} and {@link searchUsersItems}. */
export interface SearchUsersOptions {
  /** Users per request (`page.limit`); default 100, the server's default, at most 1000. */
  pageSize?: number;
  /** Index of the first user to return (`page.from`); default 0. */
  from?: number;
  /** Aborts the request in flight and ends the iteration with the abort reason. */
  signal?: AbortSignal;
}

/** A failed `searchUsers` call during an iteration: the status, and the problem the API sent. */
export class CamundaRequestError extends Error {
  override readonly name = 'CamundaRequestError';
  constructor(
    /** The HTTP status of the failed call. */
    readonly status: number,
    /** The problem details of the answer (whatever body came, if not problem details). */
    readonly problem: CamundaProblem | undefined,
    response: Pick<Response, 'status' | 'statusText'>,
  ) {
    super(problemMessage(problem, response));
  }
}

/**
 * Every page of a Camunda user search (`searchUsers`, POST /users/search), fetched one after the
 * other as the iteration asks for them: `page.from` advances by the items received, and the
 * iteration ends when `page.totalItems` is reached or a page comes back short (so a result that
 * shrinks while it is read, or a mock serving the same example page, ends rather than loops).
 * The query's filter and sort are kept; its `page` is replaced.
 *
 * @throws CamundaRequestError (from the iteration) when a call answers with an error.
 *
 * @example
 * for await (const page of searchUsersPages(camunda, { filter: { name: 'Jane Doe' } }, { pageSize: 50 })) {
 *   console.log(`${page.items.length} of ${page.page.totalItems}`);
 * }
 */
export async function* searchUsersPages(
  client: CamundaClient,
  query: Omit<SearchQuery, 'page'> = {},
  options: SearchUsersOptions = {},
): AsyncGenerator<SearchPage, void, undefined> {
  const limit = options.pageSize ?? 100;
  let from = options.from ?? 0;
  if (!Number.isInteger(limit) || limit < 1) throw new RangeError(`pageSize must be a positive integer, got ${limit}`);
  for (;;) {
    const { data, error, response } = await client.POST('/users/search', {
      body: { ...query, page: { from, limit } },
      ...(options.signal ? { signal: options.signal } : {}),
    });
    if (!data) throw new CamundaRequestError(response.status, error, response);
    yield data;
    from += data.items.length;
    if (data.items.length < limit || from >= data.page.totalItems) return;
  }
}

/**
 * Every user a Camunda user search matches, one at a time, across as many pages as it takes
 * (see {@link searchUsersPages}). Stop early with `break`: no further page is requested.
 *
 * @example
 * for await (const user of searchUsersItems(camunda, { sort: [{ field: 'username' }] })) console.log(user.username);
 */
export async function* searchUsersItems(
  client: CamundaClient,
  query: Omit<SearchQuery, 'page'> = {},
  options: SearchUsersOptions = {},
): AsyncGenerator<User, void, undefined> {
  for await (const page of searchUsersPages(client, query, options)) yield* page.items;
}
