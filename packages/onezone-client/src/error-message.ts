import type { components } from '@repo/specs/onezone';

/** A Onezone error body, the same for every error: `{ error: { id, description, details? } }`. */
export type OnezoneError = components['schemas']['Error'];

/**
 * A human-readable message for a failed Onezone call: the error's description followed by its
 * id, e.g. `Bad value: provided identifier ("username") is already occupied. (badValueIdentifierOccupied)`.
 * Tolerates bodies that are not Onezone errors: a problem-details body (the Prism mock's own
 * errors, e.g. an unknown scenario) gives its `detail` or `title`; anything else (an empty body, a
 * proxy's page) falls back to the HTTP status of `response`.
 *
 * @example
 * const { error, response } = await onezone.POST('/users', { body });
 * if (error) showError(errorMessage(error, response));
 */
export function errorMessage(
  error: OnezoneError | undefined,
  response?: Pick<Response, 'status' | 'statusText'>,
): string {
  const info: unknown = typeof error === 'object' && error !== null ? error.error : undefined;
  if (typeof info === 'object' && info !== null) {
    const { id, description } = info as Partial<Record<string, unknown>>;
    if (typeof description === 'string' && description !== '') {
      return typeof id === 'string' && id !== '' ? `${description} (${id})` : description;
    }
    if (typeof id === 'string' && id !== '') return id;
  }
  // Not an Onezone error: the Prism mock's own errors (unknown route, unknown scenario) are
  // problem details, whose `detail` says what to fix.
  const problem: Partial<Record<string, unknown>> = typeof error === 'object' && error !== null ? error : {};
  if (typeof problem.detail === 'string' && problem.detail !== '') return problem.detail;
  if (typeof problem.title === 'string' && problem.title !== '') return problem.title;
  if (response?.statusText) return response.statusText;
  return response ? `HTTP ${response.status}` : 'Unknown error';
}
