/**
 * Moves the base path of a spec's server URL into its path keys, so that Prism serves the API
 * under the same base path as the real server.
 *
 * Why: Prism 5 matches the request path against the spec's path keys only. The path of
 * `servers[].url` (`/v2`, `/api/v3/onezone`) is ignored for routing; it is only compared when the
 * request carries a `?__server=` query parameter. So Prism serves `/users`, while the server serves
 * `/v2/users`, and a frontend could not switch between them by base URL alone. Prism has no
 * base-path option, and a proxy in front of it would be a second server to run and keep honest.
 * Rewriting a copy of the bundle is the smallest fix: Prism still validates requests and answers
 * from the examples of the very same operations, only under `/v2/users` instead of `/users`.
 */

/** A spec document, as far as mounting needs to know it. */
export interface SpecDocument {
  servers?: { url: string; description?: string; variables?: Record<string, { default: string }> }[];
  paths?: Record<string, unknown>;
  [key: string]: unknown;
}

/**
 * The path of the first server URL, without a trailing slash (`http://localhost:8080/v2` → `/v2`,
 * `/` → ``). Server variables are replaced with their defaults.
 */
export function serverBasePath(spec: SpecDocument): string {
  const server = spec.servers?.[0];
  if (!server) return '';
  const url = server.url.replace(/\{([^}]+)\}/g, (_, name: string) => server.variables?.[name]?.default ?? '');
  const path = url.replace(/^[a-z][a-z0-9+.-]*:\/\/[^/]*/i, '').replace(/[?#].*$/, '');
  return path.replace(/\/+$/, '');
}

/**
 * A copy of `spec` whose path keys carry the server's base path (`/users` → `/v2/users`) and whose
 * only server is `/`, so that the copy means what Prism does with it. The input is not changed.
 */
export function mountAtServerPath(spec: SpecDocument): SpecDocument {
  const basePath = serverBasePath(spec);
  const paths = Object.fromEntries(Object.entries(spec.paths ?? {}).map(([path, item]) => [basePath + path, item]));
  return {
    ...spec,
    servers: [{ url: '/', description: `Prism mock; paths carry the server base path ${basePath || '/'}` }],
    paths,
  };
}
