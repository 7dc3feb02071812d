/**
 * When to run the loop: a burst of saves (an editor writes a file in several steps, a formatter
 * rewrites it) becomes one run after `debounceMs` of quiet; a save during a run queues exactly one
 * more run after it, never two at once, so the last save is always what the report shows.
 */

/** What {@link createScheduler} returns. */
export interface Scheduler {
  /** A file changed. */
  trigger(): void;
  /** Resolves once no run is pending or running (for tests and shutdown). */
  idle(): Promise<void>;
  /** Stops: pending runs are dropped. */
  stop(): void;
}

/** Timers, injectable so tests use fake ones. */
export interface Timers {
  setTimeout: (callback: () => void, ms: number) => unknown;
  clearTimeout: (handle: unknown) => void;
}

const realTimers: Timers = {
  setTimeout: (callback, ms) => setTimeout(callback, ms),
  clearTimeout: (handle) => clearTimeout(handle as NodeJS.Timeout),
};

export function createScheduler(run: () => Promise<void>, debounceMs = 200, timers: Timers = realTimers): Scheduler {
  let timer: unknown;
  let running: Promise<void> | undefined;
  let again = false;
  let stopped = false;
  let waiters: (() => void)[] = [];

  const settle = () => {
    if (timer === undefined && running === undefined) {
      for (const resolve of waiters) resolve();
      waiters = [];
    }
  };

  const start = () => {
    timer = undefined;
    if (stopped) return settle();
    if (running) {
      again = true;
      return;
    }
    running = run()
      .catch(() => {})
      .finally(() => {
        running = undefined;
        if (again && !stopped) {
          again = false;
          start();
        } else settle();
      });
  };

  return {
    trigger() {
      if (stopped) return;
      if (timer !== undefined) timers.clearTimeout(timer);
      timer = timers.setTimeout(start, debounceMs);
    },
    idle() {
      if (timer === undefined && running === undefined) return Promise.resolve();
      return new Promise((resolve) => waiters.push(resolve));
    },
    stop() {
      stopped = true;
      again = false;
      if (timer !== undefined) timers.clearTimeout(timer);
      timer = undefined;
      settle();
    },
  };
}
