/**
 * How long a `Retry-After` header (RFC 9110 §10.2.3) asks the client to wait, in milliseconds:
 * either delay-seconds (`120`) or an HTTP date (`Fri, 27 Nov 2026 12:00:00 GMT`, measured from
 * `now`; a date in the past means "now", 0). `undefined` when the header is absent or unreadable,
 * so the caller falls back to its own backoff rather than guessing.
 */
export function retryAfterMs(value: string | null | undefined, now: number = Date.now()): number | undefined {
  const text = value?.trim();
  if (!text) return undefined;
  if (/^\d+$/.test(text)) return Number(text) * 1000;
  // Only an HTTP date is allowed besides seconds; Date.parse would also take "1.5" or "2026-11-27".
  if (!/^[A-Za-z]{3},? /.test(text)) return undefined;
  const date = Date.parse(text);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}
