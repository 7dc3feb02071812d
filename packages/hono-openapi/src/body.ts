/**
 * Reads a request body as text under a byte limit, reading it once (Hono caches the text, so a
 * handler may still call `c.req.json()`).
 */
import type { Context } from 'hono';
import { requestHeader } from './request-headers.ts';

/** The outcome of reading a body. */
export type BodyText =
  | { readonly kind: 'absent' }
  | { readonly kind: 'tooLarge' }
  | { readonly kind: 'text'; readonly text: string };

const absent: BodyText = { kind: 'absent' };
const tooLarge: BodyText = { kind: 'tooLarge' };
const encoder = new TextEncoder();

/** Byte length of a string over the limit, without encoding it in the common cases. */
function exceeds(text: string, limit: number): boolean {
  if (text.length > limit) return true; // every UTF-16 unit is at least one UTF-8 byte
  if (text.length * 3 <= limit) return false; // and at most three
  return encoder.encode(text).byteLength > limit;
}

/**
 * Continues with the body read, or with why reading failed (the client went away). Implemented by
 * classes, not object literals of arrows: no closures are allocated per request.
 */
export interface BodyContinuation<T> {
  readonly next: (read: BodyText) => T;
  readonly failed: (err: unknown) => T;
}

/**
 * Reads the body, refusing by `Content-Length` before reading and by the bytes actually read.
 * With a Content-Length the fast path of @hono/node-server is used (Node's parser stops at the
 * declared length); without one (chunked) the stream is counted chunk by chunk and cancelled.
 * Continuation-passing rather than `async`: a refused size answers synchronously, and an accepted
 * body costs one promise hop after Hono's own, not one per layer.
 */
export function readBodyText<T>(c: Context, limit: number, then: BodyContinuation<T>): T | Promise<T> {
  const declared = requestHeader(c, 'content-length');
  if (declared === undefined) {
    return readCounting(c, limit).then(
      (read) => then.next(read),
      (err: unknown) => then.failed(err),
    );
  }
  const length = Number(declared);
  if (length > limit) return then.next(tooLarge);
  if (length === 0) return then.next(absent);
  return c.req
    .text()
    .then(
      (text) => then.next(exceeds(text, limit) ? tooLarge : text === '' ? absent : { kind: 'text', text }),
      (err: unknown) => then.failed(err),
    );
}

/** Chunked bodies: count the bytes as they arrive and stop at the limit. */
async function readCounting(c: Context, limit: number): Promise<BodyText> {
  const stream = c.req.raw.body;
  if (stream === null) return absent;
  const reader = stream.getReader();
  const decoder = new TextDecoder();
  let bytes = 0;
  let text = '';
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    bytes += value.byteLength;
    if (bytes > limit) {
      await reader.cancel();
      return tooLarge;
    }
    text += decoder.decode(value, { stream: true });
  }
  text += decoder.decode();
  // Later `c.req.text()` / `c.req.json()` calls are served from Hono's cache.
  // Hono keeps promises in this cache, whatever its type says.
  (c.req.bodyCache as Record<string, unknown>)['text'] = Promise.resolve(text);
  return bytes === 0 ? absent : { kind: 'text', text };
}
