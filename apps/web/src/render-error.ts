/** How the page shows the outcome of a call: the API's own error message, or a success line. */
import { code } from './dom.ts';

/** A failed call, in the API's own words. */
export interface Failure {
  /** The HTTP status; absent when no answer reached the page (server down, CORS). */
  status?: number;
  /** The API's machine-readable code: Camunda's problem `title`, Onezone's error `id`. */
  code?: string;
  /** The API's human-readable message: Camunda's problem `detail`, Onezone's error `description`. */
  message: string;
}

/** Shows a failure in an output element, announced to screen readers. */
export function renderError(output: HTMLElement, failure: Failure): void {
  const head = [failure.status, failure.code].filter((part) => part !== undefined).join(' ');
  output.className = 'result error';
  output.setAttribute('role', 'alert');
  output.replaceChildren(...(head ? [code(head), ' '] : []), failure.message);
}

/** Shows a success line in an output element. */
export function renderSuccess(output: HTMLElement, ...parts: Array<string | Node>): void {
  output.className = 'result success';
  output.setAttribute('role', 'status');
  output.replaceChildren(...parts);
}

/**
 * A call that threw rather than answered. `fetch` throws a `TypeError` when no answer reached the
 * page; anything else is the page's own error (e.g. an unreadable `Location` header).
 */
export function thrownFailure(thrown: unknown, baseUrl: string): Failure {
  return thrown instanceof TypeError || !(thrown instanceof Error) ? unreachable(thrown, baseUrl) : { message: thrown.message };
}

/**
 * A `fetch` that threw: nothing answered, or the browser hid the answer because the server did not
 * allow this page's origin. The browser does not tell which, so the message names both.
 */
export function unreachable(error: unknown, baseUrl: string): Failure {
  const reason = error instanceof Error ? error.message : String(error);
  return {
    message: `No answer from ${baseUrl} (${reason}). Is it running (npm run mock / npm run dev), and does it allow this origin (CORS)?`,
  };
}
