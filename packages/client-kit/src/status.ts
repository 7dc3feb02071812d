import type { FetchResponse } from 'openapi-fetch';
import type { GetResponseContent, MediaType, Readable, ResponseObjectMap } from 'openapi-typescript-helpers';

/** The numeric statuses an operation declares (`T` is an operation of the generated `paths`). */
export type DeclaredStatus<T> = keyof ResponseObjectMap<T> & number;

/** The body of status `S` of operation `T` in media type `Media`, as openapi-fetch reads it. */
export type StatusBody<T extends Record<string | number, any>, Media extends MediaType, S extends DeclaredStatus<T>> = Readable<
  GetResponseContent<ResponseObjectMap<T>, Media, S>
>;

/**
 * An openapi-fetch result narrowed to status `S`: for a 2xx status `data` is that status's body,
 * otherwise `error` is; `response.status` is `S`.
 */
export type StatusResult<T extends Record<string | number, any>, Media extends MediaType, S extends DeclaredStatus<T>> = `${S}` extends `2${string}`
  ? { data: StatusBody<T, Media, S>; error?: never; response: Response & { status: S } }
  : { data?: never; error: StatusBody<T, Media, S>; response: Response & { status: S } };

/**
 * Whether an openapi-fetch result has the HTTP status `status`, narrowing it to that status's
 * body from the generated `paths`: after `if (isStatus(result, 404))`, `result.error` has the 404
 * body type; after `isStatus(result, 200)`, `result.data` has the 200 body type. Only statuses
 * the operation declares compile, so a typo or a status the spec dropped is a type error.
 *
 * The operation is read from the result's own type (openapi-fetch's `FetchResponse<Operation, …>`),
 * so nothing has to be named at the call site.
 *
 * @example
 * const result = await camunda.DELETE('/users/{userKey}', { params: { path: { userKey } } });
 * if (isStatus(result, 404)) showNotFound(result.error.detail);
 * else if (isStatus(result, 204)) showDeleted();
 */
export function isStatus<T extends Record<string | number, any>, Options, Media extends MediaType, S extends DeclaredStatus<T>>(
  result: FetchResponse<T, Options, Media>,
  status: S,
  // Sound for every concrete operation (the narrowed result is one member of openapi-fetch's
  // result union, with a body drawn from that member's), but TypeScript cannot prove it for a
  // generic `T` through openapi-fetch's conditional types; `status.test-d.ts` checks the outcome.
  // @ts-expect-error TS2677: the predicate is not provably assignable to the generic parameter type
): result is StatusResult<T, Media, S> {
  return result.response.status === status;
}
