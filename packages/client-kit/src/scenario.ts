import type { Middleware } from 'openapi-fetch';
import { defaultHeaderMiddleware } from './default-header.ts';

const EXAMPLE_NAME = /^[A-Za-z0-9._-]+$/;
const STATUS_CODE = /^\d{3}$/;

/**
 * The `Prefer` header value that makes the Prism mock serve a scenario. The real server ignores
 * the header.
 *
 * - a full Prefer value (anything with `=`), e.g. `code=409, example=duplicateUsername`, is sent
 *   as is; this is the form the README's scenario tables print, and it reaches every scenario;
 * - a three-digit status, e.g. `409`, becomes `code=409` (the first example of that status);
 * - any other name, e.g. `noMatch`, becomes `example=noMatch`. Prism looks a bare example name
 *   up in the operation's success (2xx) response only, so for an error example give the full
 *   value with `code=`.
 *
 * @throws TypeError when the value is empty or neither a name nor a Prefer value.
 */
export function preferValue(scenario: string): string {
  const value = scenario.trim();
  if (value.includes('=')) return value;
  if (STATUS_CODE.test(value)) return `code=${value}`;
  if (EXAMPLE_NAME.test(value)) return `example=${value}`;
  throw new TypeError(
    `Invalid mock scenario ${JSON.stringify(scenario)}: expected an example name (e.g. "noMatch"), ` +
      `a status code (e.g. "409") or a Prefer value (e.g. "code=409, example=duplicateUsername").`,
  );
}

/**
 * An openapi-fetch middleware that asks the Prism mock for a scenario by sending `Prefer` (see
 * {@link preferValue}) with every request. A request that already carries `Prefer` (set per call)
 * keeps it.
 */
export function scenarioMiddleware(scenario: string): Middleware {
  return defaultHeaderMiddleware('Prefer', preferValue(scenario));
}
