/** The two APIs the page talks to. */
export type Api = 'camunda' | 'onezone';
/**
 * Where requests go: the Prism mock (`npm run mock`, stateless, examples only), the stateful mock
 * (`npm run mock:stateful`, the real handlers on an in-memory store) or a real server (`npm run dev`).
 */
export type Target = 'mock' | 'stateful' | 'server';

/**
 * Default base URLs. The mocks serve the same base paths as the real servers, so a client only
 * ever changes its `baseUrl` to switch between them. The mocks listen on IPv4 loopback only
 * (`MOCK_HOST`), hence 127.0.0.1.
 */
const defaults: Record<Api, Record<Target, string>> = {
  camunda: {
    mock: import.meta.env.VITE_CAMUNDA_MOCK_URL ?? 'http://127.0.0.1:4010/v2',
    stateful: import.meta.env.VITE_CAMUNDA_STATEFUL_URL ?? 'http://127.0.0.1:4020/v2',
    server: import.meta.env.VITE_CAMUNDA_SERVER_URL ?? 'http://localhost:8080/v2',
  },
  onezone: {
    mock: import.meta.env.VITE_ONEZONE_MOCK_URL ?? 'http://127.0.0.1:4011/api/v3/onezone',
    stateful: import.meta.env.VITE_ONEZONE_STATEFUL_URL ?? 'http://127.0.0.1:4021/api/v3/onezone',
    server: import.meta.env.VITE_ONEZONE_SERVER_URL ?? 'http://localhost:8081/api/v3/onezone',
  },
};

/** The query parameter that overrides one base URL, e.g. `?camundaMock=http://localhost:5010/v2`, `?onezoneStateful=…`. */
export function queryParam(api: Api, target: Target): string {
  return `${api}${target.charAt(0).toUpperCase()}${target.slice(1)}`;
}

/** Whether the target picks scenarios from `Prefer` (both mocks do; a real server must not get it). */
export function honoursPrefer(target: Target): boolean {
  return target !== 'server';
}

/**
 * The base URL for one API and target. Precedence: the page's query string (handy for tests and
 * for sharing a link), then `VITE_*` variables at build time, then the local defaults.
 */
export function baseUrlFor(api: Api, target: Target, search = globalThis.location?.search ?? ''): string {
  return new URLSearchParams(search).get(queryParam(api, target)) ?? defaults[api][target];
}
