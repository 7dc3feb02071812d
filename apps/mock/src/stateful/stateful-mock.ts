/**
 * One API's stateful mock as a fetch handler: the real app (see `camunda-mock.ts`,
 * `onezone-mock.ts`), the `Prefer` scenarios in front of it, and the mock's own endpoints under
 * `/__mock/`.
 */
import { fetchRequestHeader, type ErrorMapper } from '@repo/hono-openapi';
import type { SpecDocument } from '../mount-bundle.ts';
import type { BuiltMock, SeededUser, StatefulMockOptions } from './mock-options.ts';
import { parsePrefer } from './prefer.ts';
import { createScenarioApp } from './scenario-app.ts';
import { pathOf } from './api-front.ts';

/** The mock's own endpoints, outside both APIs' base paths. */
export const CONTROL_PREFIX = '/__mock/';

/** How to build one API's mock. */
export interface StatefulApiDefinition {
  name: 'camunda' | 'onezone';
  spec: SpecDocument;
  errors: ErrorMapper;
  realm: string;
  bodyLimit: number;
  build: (options: StatefulMockOptions) => Promise<BuiltMock>;
}

/** What @hono/node-server passes as `env`: the Node request, whose parsed headers are cheaper to read than a Fetch `Headers`. */
export interface NodeBindings {
  incoming?: { headers?: Readonly<Record<string, string | string[] | undefined>> };
}

/** A running stateful mock of one API, without a port (serve `fetch`, or call it in tests). */
export interface StatefulMock {
  /** `env` is passed on to the apps, so that the runtime reads Node's parsed headers (see `@repo/hono-openapi`'s request-headers.ts). */
  fetch: (request: Request, env?: NodeBindings) => Response | Promise<Response>;
  /** Throws the state away and seeds a fresh store (what `POST /__mock/reset` does). */
  reset(): Promise<void>;
  /** The seeded users, with the ids the store gave them. */
  seeded(): SeededUser[];
  close(): Promise<void>;
}

const CONTROL_HEADERS = { 'access-control-allow-origin': '*', 'cache-control': 'no-store' };

/** Builds the mock; the first seed is done when it resolves. */
export async function createStatefulMock(api: StatefulApiDefinition, options: StatefulMockOptions): Promise<StatefulMock> {
  const scenarios = createScenarioApp({ spec: api.spec, errors: api.errors, bodyLimit: api.bodyLimit, realm: api.realm, logger: options.logger });
  let current = await api.build(options);
  /** Stores replaced by a reset, closed once requests that started on them had time to finish. */
  const retired = new Set<Promise<void>>();

  async function reset(): Promise<void> {
    const fresh = await api.build(options);
    const old = current;
    current = fresh;
    const closing = new Promise<void>((resolve) => setTimeout(resolve, 1000).unref()).then(() => old.close());
    retired.add(closing);
    void closing.finally(() => retired.delete(closing));
  }

  async function control(request: Request, path: string): Promise<Response> {
    if (path === `${CONTROL_PREFIX}reset` && request.method === 'POST') {
      await reset();
      return new Response(null, { status: 204, headers: CONTROL_HEADERS });
    }
    if (path === `${CONTROL_PREFIX}seed` && request.method === 'GET') {
      return Response.json({ api: api.name, users: current.seeded }, { headers: CONTROL_HEADERS });
    }
    return Response.json(
      { error: `unknown mock endpoint ${request.method} ${path}; there are POST ${CONTROL_PREFIX}reset and GET ${CONTROL_PREFIX}seed` },
      { status: 404, headers: CONTROL_HEADERS },
    );
  }

  return {
    fetch(request, env) {
      const path = pathOf(request.url);
      if (path.startsWith(CONTROL_PREFIX)) return control(request, path);
      // `Prefer` without Prism's tokens (or none) goes to the real app.
      if (parsePrefer(fetchRequestHeader(request, env, 'prefer')) !== undefined) return scenarios.fetch(request, env);
      return current.fetch(request, env);
    },
    reset,
    seeded: () => current.seeded,
    async close() {
      await Promise.all([current.close(), ...retired]);
    },
  };
}
