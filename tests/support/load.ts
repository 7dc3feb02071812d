/**
 * Steady load from a few concurrent clients, until stopped: each worker sends one request after
 * another and every outcome is kept with its time, so a test can say what was answered when.
 */
export interface Outcome<T> {
  /** When the request was sent, ms since the load started. */
  sentAt: number;
  /** When its outcome was known, ms since the load started. */
  at: number;
  /** The answer, or the network error's message. */
  result: { ok: true; value: T } | { ok: false; error: string };
}

export interface Load<T> {
  readonly outcomes: readonly Outcome<T>[];
  /** Outcomes known from `from` ms on. */
  since(from: number): Outcome<T>[];
  /** Outcomes of the requests sent from `from` ms on. */
  sentSince(from: number): Outcome<T>[];
  /** ms since the load started. */
  elapsed(): number;
  /** Stops sending and waits for the requests in flight. */
  stop(): Promise<Outcome<T>[]>;
}

/** Starts `workers` loops of `send(worker, sequence)`; bounded by `maxMs` (default 60 s) whatever happens. */
export function startLoad<T>(workers: number, send: (worker: number, sequence: number) => Promise<T>, maxMs = 60_000): Load<T> {
  const started = Date.now();
  const outcomes: Outcome<T>[] = [];
  let stopped = false;
  const loops = Array.from({ length: workers }, async (_, worker) => {
    for (let sequence = 0; !stopped && Date.now() - started < maxMs; sequence += 1) {
      const sentAt = Date.now() - started;
      try {
        const value = await send(worker, sequence);
        outcomes.push({ sentAt, at: Date.now() - started, result: { ok: true, value } });
      } catch (error) {
        outcomes.push({ sentAt, at: Date.now() - started, result: { ok: false, error: (error as Error).message } });
        // A refused connection fails at once: do not spin.
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    }
  });
  return {
    outcomes,
    since: (from) => outcomes.filter((o) => o.at >= from),
    sentSince: (from) => outcomes.filter((o) => o.sentAt >= from),
    elapsed: () => Date.now() - started,
    async stop() {
      stopped = true;
      await Promise.all(loops);
      return outcomes;
    },
  };
}

/** Polls `condition` every 50 ms until it holds; rejects after `timeoutMs` naming `what`. */
export async function waitUntil(what: string, condition: () => boolean | Promise<boolean>, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await condition()) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`timed out after ${timeoutMs} ms waiting until ${what}`);
}
