import { afterEach, expect } from 'vitest';
import { SpecChecker } from './spec-checker.ts';

/** A `fetch` that checks every response against a spec and records what breaks it. */
export interface CheckedFetch {
  (input: Request | string | URL, init?: RequestInit): Promise<Response>;
  /** Returns the violations recorded since the last call, and forgets them. */
  take(): string[];
  /** The method and URL of the request a response of this fetch answered. */
  requestOf(response: Response): { method: string; url: string } | undefined;
}

const checkers = new WeakMap<object, SpecChecker>();

/** The (cached) checker of a bundled spec. */
export function specChecker(spec: Record<string, unknown>): SpecChecker {
  let checker = checkers.get(spec);
  if (checker === undefined) {
    checker = new SpecChecker(spec, String((spec['info'] as { title?: string } | undefined)?.title ?? 'spec').replace(/\W+/g, '-').toLowerCase());
    checkers.set(spec, checker);
  }
  return checker;
}

/**
 * A `fetch` to hand to the typed clients (`createCamundaClient({ fetch })`): it sends the request
 * with `send` (the global fetch, or an app's `request` for tests without a port), checks the
 * response against `spec` before returning it, and records every violation as
 * `METHOD /path → status: what`. Pair it with {@link failOnViolations}, or use {@link strictFetch}.
 */
export function checkedFetch(spec: Record<string, unknown>, send: (request: Request) => Response | Promise<Response> = fetch): CheckedFetch {
  const checker = specChecker(spec);
  let recorded: string[] = [];
  const requests = new WeakMap<Response, { method: string; url: string }>();
  const fetchAndCheck = async (input: Request | string | URL, init?: RequestInit): Promise<Response> => {
    const request = new Request(input, init);
    const response = await send(request);
    const text = await response.clone().text();
    const found = checker.violations(request.method, request.url, { status: response.status, headers: response.headers, text });
    const where = `${request.method} ${new URL(request.url).pathname} → ${response.status}`;
    recorded.push(...found.map((violation) => `${where}: ${violation}`));
    requests.set(response, { method: request.method, url: request.url });
    return response;
  };
  return Object.assign(fetchAndCheck, {
    take() {
      const taken = recorded;
      recorded = [];
      return taken;
    },
    requestOf: (response: Response) => requests.get(response),
  });
}

/** After each test of the calling suite: every response that went through `checked` conformed. */
export function failOnViolations(checked: CheckedFetch): void {
  afterEach(() => {
    expect(checked.take(), 'responses that break the spec').toEqual([]);
  });
}

/**
 * A `fetch` like {@link checkedFetch} that throws at the first response off the spec, failing the
 * request's test. Requests to no operation of the spec (`/health`, an unknown path) pass unchecked.
 */
export function strictFetch(spec: Record<string, unknown>, send: (request: Request) => Response | Promise<Response>): (request: Request) => Promise<Response> {
  const checker = specChecker(spec);
  const checked = checkedFetch(spec, send);
  return async (request) => {
    if (checker.match(request.method, request.url) === undefined) return send(request);
    const response = await checked(request);
    const violations = checked.take();
    if (violations.length > 0) throw new Error(`response breaks the spec: ${violations.join('; ')}`);
    return response;
  };
}
