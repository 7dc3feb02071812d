import { afterAll, beforeAll } from 'vitest';
import type { ApiName } from './apis.ts';
import type { StartServerOptions } from './start-server.ts';
import { startOnStore, type ServerOnStore, type StoreTarget } from './stores.ts';

/**
 * Starts a server of each API in `apis` on `store` (in parallel) before the suite, and stops them
 * after it (asserting exit code 0, then removing their data). Returns a getter per API.
 */
export function useServers<A extends ApiName>(store: StoreTarget, apis: readonly A[], options: Partial<StartServerOptions> = {}): Record<A, () => ServerOnStore> {
  const started = new Map<ApiName, ServerOnStore>();
  beforeAll(async () => {
    const results = await Promise.allSettled(apis.map((api) => startOnStore(api, store, options)));
    results.forEach((result, i) => result.status === 'fulfilled' && started.set(apis[i]!, result.value));
    const failed = results.find((result) => result.status === 'rejected');
    if (failed) throw failed.reason;
  });
  afterAll(async () => {
    const results = await Promise.allSettled([...started.values()].map((server) => server.dispose()));
    const failed = results.find((result) => result.status === 'rejected');
    if (failed) throw failed.reason;
  });
  return Object.fromEntries(
    apis.map((api) => [
      api,
      () => {
        const server = started.get(api);
        if (server === undefined) throw new Error(`the ${api} server on ${store.name} did not start`);
        return server;
      },
    ]),
  ) as Record<A, () => ServerOnStore>;
}

/** {@link useServers} for one API. */
export function useServer(api: ApiName, store: StoreTarget, options: Partial<StartServerOptions> = {}): () => ServerOnStore {
  return useServers(store, [api], options)[api];
}
