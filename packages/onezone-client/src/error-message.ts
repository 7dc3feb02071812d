import type { components } from '@repo/specs/onezone';

/** A Onezone error body, the same for every error: `{ error: { id, description, details? } }`. */
export type OnezoneError = components['schemas']['Error'];

/**
 * A human-readable message for a failed Onezone call: the error's description followed by its
 * id, e.g. `Bad value: provided identifier ("username") is already occupied. (badValueIdentifierOccupied)`.
 * Tolerates bodies that are not Onezone errors (an empty body, a proxy's page) by falling back to
 * the HTTP status of `response`.
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
  if (response?.statusText) return response.statusText;
  return response ? `HTTP ${response.status}` : 'Unknown error';
}
