/**
 * Has Node make, at start-up, the decision it otherwise makes during the first requests: whether
 * AsyncLocalStorage runs on AsyncContextFrame (the default from Node 24). Node decides on first
 * use, which in a server is the first timer cleaned up, i.e. once requests flow, and then swaps the
 * prototype of its internal AsyncContextFrame class. By then `process.nextTick` and
 * `processTicksAndRejections` (six calls per POST) have type feedback from before the swap, and
 * their optimised code keeps generic property loads for good: 6.3k of the runtime's 100k
 * instructions per validated POST on Node 24 (issue #12's callgrind profile). Asking for
 * `AsyncLocalStorage` is what makes Node decide; the class itself is not used.
 */

interface NodeProcess {
  readonly getBuiltinModule?: (id: string) => unknown;
}

/** Settles Node's AsyncContextFrame choice now; does nothing outside Node (or before Node 20.16). */
export function settleAsyncContextFrame(): void {
  const node = (globalThis as { process?: NodeProcess }).process;
  const asyncHooks = node?.getBuiltinModule?.('node:async_hooks') as { readonly AsyncLocalStorage?: unknown } | undefined;
  void asyncHooks?.AsyncLocalStorage;
}
