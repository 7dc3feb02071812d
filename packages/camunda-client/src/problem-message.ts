import type { components } from '@repo/specs/camunda';

/** A Camunda error body: RFC 9457 problem details, as every Camunda error is (`application/problem+json`). */
export type CamundaProblem = components['schemas']['ProblemDetail'];

/**
 * A human-readable message for a failed Camunda call: the problem's `detail`, else its `title`,
 * else the HTTP status text of `response` (or `HTTP <status>`). Tolerates bodies that are not
 * problem details at all (an empty body, a proxy's HTML page), since a message is what the
 * caller needs whatever went wrong.
 *
 * @example
 * const { error, response } = await camunda.POST('/users', { body });
 * if (error) showError(problemMessage(error, response));
 */
export function problemMessage(
  problem: CamundaProblem | undefined,
  response?: Pick<Response, 'status' | 'statusText'>,
): string {
  const body: Partial<Record<string, unknown>> = typeof problem === 'object' && problem !== null ? problem : {};
  if (typeof body.detail === 'string' && body.detail !== '') return body.detail;
  if (typeof body.title === 'string' && body.title !== '') return body.title;
  if (response?.statusText) return response.statusText;
  const status = response?.status ?? body.status;
  return typeof status === 'number' ? `HTTP ${status}` : 'Unknown error';
}
