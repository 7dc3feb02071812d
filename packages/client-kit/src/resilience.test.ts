import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createTypedClient, type TypedClientOptions } from './create-typed-client.ts';
import { resilienceMiddleware } from './resilience.ts';

/** A minimal `paths`, in the shape openapi-typescript generates. */
interface paths {
  '/things': {
    get: { responses: { 200: { headers: Record<string, unknown>; content: { 'application/json': { ok: boolean } } } } };
    post: {
      requestBody: { content: { 'application/json': { name: string } } };
      responses: { 201: { headers: Record<string, unknown>; content: { 'application/json': { ok: boolean } } } };
    };
    delete: { responses: { 204: { headers: Record<string, unknown>; content?: never } } };
  };
}

/** One scripted answer of the fake fetch: a response, a thrown error, or no answer until aborted. */
type Step = Response | Error | 'hang';

/**
 * A fetch that answers with `steps` in order (the last one repeats) and records when each request
 * arrived (fake time) and what it carried. A `'hang'` step answers only by rejecting with the
 * request's abort reason, as a real fetch does.
 */
function scriptedFetch(...steps: Step[]) {
  const calls: Array<{ at: number; method: string; body: string; headers: Headers }> = [];
  const fetch = async (request: Request): Promise<Response> => {
    // The request itself is not kept: the middleware must keep it alive (see the GC test).
    calls.push({ at: Date.now(), method: request.method, body: await request.text(), headers: request.headers });
    const step = steps[Math.min(calls.length, steps.length) - 1];
    if (step === 'hang') {
      return new Promise((_, reject) => {
        const abort = () => reject(request.signal.reason);
        if (request.signal.aborted) abort();
        else request.signal.addEventListener('abort', abort);
      });
    }
    if (step instanceof Error) throw step;
    return step!.clone();
  };
  return { calls, fetch };
}

const ok = () => Response.json({ ok: true });
const status = (code: number, headers: Record<string, string> = {}) => new Response(null, { status: code, headers });
const networkError = () => new TypeError('fetch failed');

/** A client with a fixed jitter (0.5: each backoff is half its ceiling) and the given options. */
function client(fetch: TypedClientOptions['fetch'], options: Partial<TypedClientOptions> = {}) {
  return createTypedClient<paths>({ baseUrl: 'http://x', fetch, ...options, retry: options.retry ?? { random: () => 0.5 } });
}

/** The outcome of a call, without an unhandled rejection while fake time runs. */
function settle<T>(promise: Promise<T>) {
  const outcome: { value?: T; error?: unknown; done: boolean } = { done: false };
  const done = promise.then(
    (value) => Object.assign(outcome, { value, done: true }),
    (error: unknown) => Object.assign(outcome, { error, done: true }),
  );
  return { outcome, done };
}

const T0 = Date.UTC(2026, 10, 27, 12, 0, 0);

beforeEach(() => {
  vi.useFakeTimers();
  vi.setSystemTime(T0);
});
afterEach(() => {
  vi.useRealTimers();
});

describe('timeout', () => {
  it('aborts an attempt that gets no response within timeoutMs with a TimeoutError', async () => {
    const fake = scriptedFetch('hang');
    const call = settle(client(fake.fetch, { timeoutMs: 1_000, retry: false }).GET('/things'));
    await vi.advanceTimersByTimeAsync(999);
    expect(call.outcome.done).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    await call.done;
    expect(call.outcome.error).toMatchObject({ name: 'TimeoutError' });
  });

  it('aborts a request nothing else refers to, after a garbage collection', async () => {
    // undici's Request follows its signal through a WeakRef: unless the middleware holds the
    // request, a collection in between loses the abort and the call hangs.
    setFlagsFromString('--expose-gc');
    const gc = runInNewContext('gc') as () => void;
    const call = settle(client(scriptedFetch('hang').fetch, { timeoutMs: 1_000, retry: false }).GET('/things'));
    await vi.advanceTimersByTimeAsync(500);
    gc();
    await vi.advanceTimersByTimeAsync(500);
    await call.done;
    expect(call.outcome.error).toMatchObject({ name: 'TimeoutError' });
  });

  it('defaults to 10 seconds', async () => {
    const fake = scriptedFetch('hang');
    const call = settle(client(fake.fetch, { retry: false }).GET('/things'));
    await vi.advanceTimersByTimeAsync(9_999);
    expect(call.outcome.done).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect(call.outcome.error).toMatchObject({ name: 'TimeoutError' });
  });

  it('waits as long as it takes with timeoutMs: false', async () => {
    let answer: (response: Response) => void = () => undefined;
    const fetch = () => new Promise<Response>((resolve) => (answer = resolve));
    const call = settle(client(fetch, { timeoutMs: false, retry: false }).GET('/things'));
    await vi.advanceTimersByTimeAsync(600_000);
    expect(call.outcome.done).toBe(false);
    answer(ok());
    await call.done;
    expect(call.outcome.value?.data).toEqual({ ok: true });
  });

  it('keeps the caller’s own signal working', async () => {
    const fake = scriptedFetch('hang');
    const controller = new AbortController();
    const call = settle(client(fake.fetch).GET('/things', { signal: controller.signal }));
    await vi.advanceTimersByTimeAsync(10);
    controller.abort();
    await call.done;
    expect(call.outcome.error).toMatchObject({ name: 'AbortError' });
    expect(fake.calls).toHaveLength(1); // the caller's abort is not retried
  });

  it('retries a GET that timed out', async () => {
    const fake = scriptedFetch('hang', ok());
    const call = settle(client(fake.fetch, { timeoutMs: 1_000 }).GET('/things'));
    await vi.advanceTimersByTimeAsync(1_000 + 125);
    await call.done;
    expect(call.outcome.value?.data).toEqual({ ok: true });
    expect(fake.calls.map((c) => c.at - T0)).toEqual([0, 1_125]);
  });
});

describe('retries after network errors', () => {
  it('retries a GET with exponential backoff and jitter', async () => {
    const fake = scriptedFetch(networkError(), networkError(), ok());
    const call = settle(client(fake.fetch).GET('/things'));
    await vi.advanceTimersByTimeAsync(124);
    expect(fake.calls).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(10_000);
    await call.done;
    expect(call.outcome.value?.data).toEqual({ ok: true });
    // Retry n waits random() · min(maxDelayMs, baseDelayMs · 2^(n-1)) = 0.5 · 250, then 0.5 · 500.
    expect(fake.calls.map((c) => c.at - T0)).toEqual([0, 125, 375]);
  });

  it.each(['PUT', 'DELETE', 'HEAD', 'OPTIONS'])('retries %s', async (method) => {
    const fake = scriptedFetch(networkError(), status(204));
    const raw = createTypedClient<Record<string, never>>({ baseUrl: 'http://x', fetch: fake.fetch, retry: { random: () => 0 } });
    const call = settle(raw.request(method.toLowerCase() as 'get', '/things' as never));
    await vi.advanceTimersByTimeAsync(0);
    await call.done;
    expect(call.outcome.value?.response.status).toBe(204);
    expect(fake.calls.map((c) => c.method)).toEqual([method, method]);
  });

  it('does not retry a POST: it may have been processed', async () => {
    const fake = scriptedFetch(networkError(), ok());
    const call = settle(client(fake.fetch).POST('/things', { body: { name: 'a' } }));
    await vi.advanceTimersByTimeAsync(10_000);
    await call.done;
    expect(call.outcome.error).toBeInstanceOf(TypeError);
    expect(fake.calls).toHaveLength(1);
  });

  it('gives up after `attempts` attempts with the last error', async () => {
    const fake = scriptedFetch(networkError());
    const call = settle(client(fake.fetch, { retry: { attempts: 4, random: () => 1 } }).GET('/things'));
    await vi.advanceTimersByTimeAsync(60_000);
    await call.done;
    expect(call.outcome.error).toBeInstanceOf(TypeError);
    expect(fake.calls.map((c) => c.at - T0)).toEqual([0, 250, 750, 1_750]);
  });

  it('caps each backoff at maxDelayMs', async () => {
    const fake = scriptedFetch(networkError());
    const retry = { attempts: 4, baseDelayMs: 1_000, maxDelayMs: 1_500, random: () => 0.999_999 };
    const call = settle(client(fake.fetch, { retry }).GET('/things'));
    await vi.advanceTimersByTimeAsync(60_000);
    await call.done;
    expect(fake.calls.map((c) => c.at - T0)).toEqual([0, 999, 2_498, 3_997]);
  });
});

describe('retries after 503 and 429', () => {
  it.each([503, 429])('retries a POST answered %i, sending the same body and headers again', async (code) => {
    const fake = scriptedFetch(status(code), Response.json({ ok: true }, { status: 201 }));
    const auth = { username: 'demo', password: 'demo' };
    const call = settle(client(fake.fetch, { auth }).POST('/things', { body: { name: 'jane' } }));
    await vi.advanceTimersByTimeAsync(125);
    await call.done;
    expect(call.outcome.value?.data).toEqual({ ok: true });
    expect(fake.calls.map((c) => [c.method, c.body, c.headers.get('Authorization'), c.headers.get('Content-Type')])).toEqual([
      ['POST', '{"name":"jane"}', 'Basic ZGVtbzpkZW1v', 'application/json'],
      ['POST', '{"name":"jane"}', 'Basic ZGVtbzpkZW1v', 'application/json'],
    ]);
  });

  it('waits the seconds of Retry-After', async () => {
    const fake = scriptedFetch(status(503, { 'Retry-After': '2' }), ok());
    const call = settle(client(fake.fetch).GET('/things'));
    await vi.advanceTimersByTimeAsync(1_999);
    expect(fake.calls).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    await call.done;
    expect(call.outcome.value?.data).toEqual({ ok: true });
    expect(fake.calls.map((c) => c.at - T0)).toEqual([0, 2_000]);
  });

  it('waits until the HTTP date of Retry-After', async () => {
    const at = new Date(T0 + 3_000).toUTCString();
    const fake = scriptedFetch(status(429, { 'Retry-After': at }), ok());
    const call = settle(client(fake.fetch).GET('/things'));
    await vi.advanceTimersByTimeAsync(5_000);
    await call.done;
    expect(fake.calls.map((c) => c.at - T0)).toEqual([0, 3_000]);
  });

  it('returns a 503 at once when Retry-After asks for more than maxRetryAfterMs', async () => {
    const fake = scriptedFetch(status(503, { 'Retry-After': '31' }), ok());
    const call = settle(client(fake.fetch).GET('/things'));
    await vi.advanceTimersByTimeAsync(0);
    await call.done;
    expect(call.outcome.value?.response.status).toBe(503);
    expect(call.outcome.value?.response.headers.get('Retry-After')).toBe('31');
    expect(fake.calls).toHaveLength(1);
  });

  it('honours a larger maxRetryAfterMs', async () => {
    const fake = scriptedFetch(status(503, { 'Retry-After': '31' }), ok());
    const call = settle(client(fake.fetch, { retry: { maxRetryAfterMs: 60_000 } }).GET('/things'));
    await vi.advanceTimersByTimeAsync(31_000);
    await call.done;
    expect(fake.calls.map((c) => c.at - T0)).toEqual([0, 31_000]);
  });

  it('falls back to the backoff when Retry-After is unreadable', async () => {
    const fake = scriptedFetch(status(503, { 'Retry-After': 'soon' }), ok());
    const call = settle(client(fake.fetch).GET('/things'));
    await vi.advanceTimersByTimeAsync(125);
    await call.done;
    expect(fake.calls.map((c) => c.at - T0)).toEqual([0, 125]);
  });

  it('returns the last 503 after `attempts` attempts', async () => {
    const fake = scriptedFetch(status(503, { 'Retry-After': '1' }));
    const call = settle(client(fake.fetch).DELETE('/things'));
    await vi.advanceTimersByTimeAsync(10_000);
    await call.done;
    expect(call.outcome.value?.response.status).toBe(503);
    expect(fake.calls.map((c) => c.at - T0)).toEqual([0, 1_000, 2_000]);
  });

  it.each([500, 502, 504, 409])('does not retry %i', async (code) => {
    const fake = scriptedFetch(status(code), ok());
    const call = settle(client(fake.fetch).GET('/things'));
    await vi.advanceTimersByTimeAsync(10_000);
    await call.done;
    expect(call.outcome.value?.response.status).toBe(code);
    expect(fake.calls).toHaveLength(1);
  });

  it('does not retry with retry: false', async () => {
    const fake = scriptedFetch(status(503), ok());
    const call = settle(createTypedClient<paths>({ baseUrl: 'http://x', fetch: fake.fetch, retry: false }).GET('/things'));
    await vi.advanceTimersByTimeAsync(10_000);
    await call.done;
    expect(call.outcome.value?.response.status).toBe(503);
    expect(fake.calls).toHaveLength(1);
  });

  it('stops waiting when the caller aborts', async () => {
    const fake = scriptedFetch(status(503, { 'Retry-After': '5' }), ok());
    const controller = new AbortController();
    const call = settle(client(fake.fetch).GET('/things', { signal: controller.signal }));
    await vi.advanceTimersByTimeAsync(1_000);
    controller.abort();
    await call.done;
    expect(call.outcome.error).toMatchObject({ name: 'AbortError' });
    await vi.advanceTimersByTimeAsync(10_000);
    expect(fake.calls).toHaveLength(1);
  });
});

describe('resilienceMiddleware options', () => {
  it.each([{ timeoutMs: 0 }, { timeoutMs: -1 }, { timeoutMs: Number.NaN }, { retry: { attempts: 0 } }, { retry: { attempts: 1.5 } }])(
    'rejects %j',
    (options) => {
      expect(() => resilienceMiddleware(options)).toThrow(RangeError);
    },
  );
});
