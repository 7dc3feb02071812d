import type { Middleware } from 'openapi-fetch';
import { backoffDelayMs } from './backoff.ts';
import { retryAfterMs } from './retry-after.ts';

/** When and how often a request is tried again. */
export interface RetryOptions {
  /** Attempts in all, the first one included; 1 means no retry. Default 3. */
  attempts?: number;
  /** Ceiling of the first retry's random delay, doubled for each further retry. Default 250 ms. */
  baseDelayMs?: number;
  /** The backoff never waits longer than this. Default 5 000 ms. */
  maxDelayMs?: number;
  /**
   * The longest `Retry-After` the client waits for. A 503/429 asking for more is returned to the
   * caller at once, rather than retried early against the server's wish (or waited for while a
   * user stares at a spinner): the caller can read `Retry-After` and say when to try again.
   * Default 30 000 ms.
   */
  maxRetryAfterMs?: number;
  /** A source of numbers in [0, 1) for the jitter; default `Math.random`. Tests pass a fixed one. */
  random?: () => number;
}

/** The timeout and retry settings of {@link resilienceMiddleware}. */
export interface ResilienceOptions {
  /**
   * How long one attempt may wait for the response (its status and headers), in milliseconds;
   * `false` for no timeout. Default 10 000. An attempt that times out fails with a `TimeoutError`
   * `DOMException`, and counts as a network error for the retry rules.
   */
  timeoutMs?: number | false;
  /** Retry settings, or `false` for a single attempt. Default: the defaults of {@link RetryOptions}. */
  retry?: RetryOptions | false;
}

/** The defaults of {@link ResilienceOptions} and {@link RetryOptions}. */
export const RESILIENCE_DEFAULTS = {
  timeoutMs: 10_000,
  attempts: 3,
  baseDelayMs: 250,
  maxDelayMs: 5_000,
  maxRetryAfterMs: 30_000,
} as const;

/**
 * Methods whose request may be sent again after a network error: safe (GET, HEAD, OPTIONS) or
 * idempotent (PUT, DELETE). A POST that got no answer may have been processed, so it is not.
 */
const IDEMPOTENT = new Set(['GET', 'HEAD', 'OPTIONS', 'PUT', 'DELETE']);

/** Statuses by which the server says it did not process the request, so any method may retry. */
const NOT_PROCESSED = new Set([429, 503]);

type Outcome = { response: Response } | { error: unknown };

/** What the middleware keeps of a request between `onRequest` and `onResponse`/`onError`. */
interface Pending {
  /** The body, read before the first attempt consumed it; a retry sends it again. */
  body: ArrayBuffer | undefined;
  /** The caller's own signal: aborting it stops the attempts and the waits between them. */
  callerSignal: AbortSignal;
  /** Stops the current attempt's timer. */
  clearTimer: () => void;
}

/**
 * An openapi-fetch middleware that bounds each attempt by a timeout and retries what can be
 * retried:
 *
 * - **timeout**: each attempt gets an `AbortSignal` that fires after `timeoutMs` (and when the
 *   caller's own `signal` fires);
 * - **network errors** (fetch threw, or the attempt timed out) are retried for GET, HEAD, OPTIONS,
 *   PUT and DELETE only;
 * - **503 and 429** are retried for every method, POST included: both say the request was not
 *   processed. A `Retry-After` header (seconds or an HTTP date) sets the wait, up to
 *   `maxRetryAfterMs`; beyond that the response is returned as is. Without it the wait is an
 *   exponential backoff with full jitter;
 * - at most `attempts` attempts; the last outcome (response or error) is what the caller gets.
 *   Aborting the caller's signal ends the attempts at once.
 *
 * Register it after the middlewares that change the request (auth, scenario), as
 * {@link createTypedClient} does: a retry sends the request as the last middleware left it.
 */
export function resilienceMiddleware(options: ResilienceOptions = {}): Middleware {
  const timeoutMs = options.timeoutMs ?? RESILIENCE_DEFAULTS.timeoutMs;
  const retry = options.retry === false ? { attempts: 1 } : (options.retry ?? {});
  const attempts = retry.attempts ?? RESILIENCE_DEFAULTS.attempts;
  const backoff = {
    baseDelayMs: retry.baseDelayMs ?? RESILIENCE_DEFAULTS.baseDelayMs,
    maxDelayMs: retry.maxDelayMs ?? RESILIENCE_DEFAULTS.maxDelayMs,
  };
  const maxRetryAfterMs = retry.maxRetryAfterMs ?? RESILIENCE_DEFAULTS.maxRetryAfterMs;
  const random = retry.random ?? Math.random;
  if (timeoutMs !== false && !(timeoutMs > 0)) throw new RangeError(`timeoutMs must be a positive number or false, got ${timeoutMs}`);
  if (!Number.isInteger(attempts) || attempts < 1) throw new RangeError(`retry.attempts must be an integer ≥ 1, got ${attempts}`);

  const pending = new Map<string, Pending>();

  /** The wait before attempt `attempt + 1`, or undefined when `outcome` is final. */
  function nextDelay(outcome: Outcome, attempt: number, method: string, callerSignal: AbortSignal): number | undefined {
    if (attempt >= attempts || callerSignal.aborted) return undefined;
    if ('response' in outcome) {
      if (!NOT_PROCESSED.has(outcome.response.status)) return undefined;
      const asked = retryAfterMs(outcome.response.headers.get('Retry-After'));
      if (asked === undefined) return backoffDelayMs(attempt, backoff, random);
      return asked <= maxRetryAfterMs ? asked : undefined;
    }
    return IDEMPOTENT.has(method) && isNetworkError(outcome.error) ? backoffDelayMs(attempt, backoff, random) : undefined;
  }

  /** Attempts after the first, until one gives a final outcome. */
  async function retryLoop(request: Request, fetch: typeof globalThis.fetch, state: Pending, first: Outcome): Promise<Outcome> {
    let outcome = first;
    for (let attempt = 1; ; attempt++) {
      const delay = nextDelay(outcome, attempt, request.method, state.callerSignal);
      if (delay === undefined) return outcome;
      await sleep(delay, state.callerSignal);
      // The discarded answer's body would otherwise hold its connection open.
      if ('response' in outcome) await outcome.response.body?.cancel().catch(() => undefined);
      const { signal, clear, hold } = attemptSignal(state.callerSignal, timeoutMs);
      try {
        outcome = { response: await fetch(hold(new Request(request, { body: state.body, signal }))) };
      } catch (error) {
        outcome = { error };
      } finally {
        clear();
      }
    }
  }

  return {
    async onRequest({ request, id }) {
      const body = attempts > 1 && request.body !== null ? await request.clone().arrayBuffer() : undefined;
      const { signal, clear, hold } = attemptSignal(request.signal, timeoutMs);
      pending.set(id, { body, callerSignal: request.signal, clearTimer: clear });
      return timeoutMs === false ? request : hold(new Request(request, { signal }));
    },
    async onResponse({ request, response, options: { fetch }, id }) {
      const state = take(pending, id);
      if (!state) return undefined;
      const outcome = await retryLoop(request, fetch, state, { response });
      if ('error' in outcome) throw outcome.error;
      return outcome.response === response ? undefined : outcome.response;
    },
    async onError({ request, error, options: { fetch }, id }) {
      const state = take(pending, id);
      if (!state) return undefined;
      const outcome = await retryLoop(request, fetch, state, { error });
      if ('response' in outcome) return outcome.response;
      if (outcome.error === error) return undefined;
      return outcome.error instanceof Error ? outcome.error : new Error(String(outcome.error));
    },
  };
}

/** Removes and returns a request's state, stopping its first attempt's timer. */
function take(pending: Map<string, Pending>, id: string): Pending | undefined {
  const state = pending.get(id);
  pending.delete(id);
  state?.clearTimer();
  return state;
}

/**
 * A signal for one attempt: aborted by the caller's signal (with the caller's reason) or, after
 * `timeoutMs`, with a `TimeoutError`. `clear` stops the timer once the response has arrived, so
 * reading the body is not cut short and no timer outlives the request. `hold(request)` keeps the
 * request that carries the signal alive until then: undici's `Request` follows its init signal
 * only through a `WeakRef`, so a request nothing else refers to could be collected and never see
 * the timeout's abort.
 */
function attemptSignal(
  callerSignal: AbortSignal,
  timeoutMs: number | false,
): { signal: AbortSignal; clear: () => void; hold: (request: Request) => Request } {
  if (timeoutMs === false) return { signal: callerSignal, clear: () => undefined, hold: (request) => request };
  const controller = new AbortController();
  if (callerSignal.aborted) controller.abort(callerSignal.reason);
  else callerSignal.addEventListener('abort', () => controller.abort(callerSignal.reason), { once: true });
  let held: Request | undefined;
  const timer = setTimeout(() => {
    controller.abort(new DOMException(`No response within ${timeoutMs} ms`, 'TimeoutError'));
    held = undefined;
  }, timeoutMs);
  // Node only: a timer left behind (a later middleware threw before the fetch) must not keep the
  // process alive; the fetch itself does while it runs.
  (timer as { unref?: () => void }).unref?.();
  return {
    signal: controller.signal,
    clear: () => {
      clearTimeout(timer);
      held = undefined;
    },
    hold: (request) => (held = request),
  };
}

/**
 * Whether a fetch failure is one a retry may cure: no answer (fetch throws a `TypeError` for
 * refused connections, resets, DNS failures) or an attempt that timed out. The caller's own abort
 * (`AbortError`) and programming errors are not.
 */
function isNetworkError(error: unknown): boolean {
  return error instanceof TypeError || (error instanceof Error && error.name === 'TimeoutError');
}

/** Waits `ms`, or rejects with the signal's reason as soon as it is aborted. */
function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) return reject(signal.reason);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal.reason);
    };
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal.addEventListener('abort', onAbort, { once: true });
  });
}
