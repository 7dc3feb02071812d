/**
 * Reads a request body as text under a byte limit, reading it once (Hono caches the text, so a
 * handler may still call `c.req.json()`). JSON bodies are decoded strictly: bytes that are not
 * UTF-8 are refused, not replaced with U+FFFD (which would store another text than was sent).
 */
import type { Context } from 'hono';
import { readIncoming, untouchedIncoming } from './incoming-body.ts';
import { requestHeader } from './request-headers.ts';

/** The outcome of reading a body. */
export type BodyText =
  | { readonly kind: 'absent' }
  | { readonly kind: 'tooLarge' }
  /** The bytes are not UTF-8 (strict decoding only). */
  | { readonly kind: 'undecodable' }
  | { readonly kind: 'text'; readonly text: string };

const absent: BodyText = { kind: 'absent' };
const tooLarge: BodyText = { kind: 'tooLarge' };
const undecodable: BodyText = { kind: 'undecodable' };
// One decoder each is enough: `decode()` without `stream` keeps no state between calls.
const strictDecoder = new TextDecoder('utf-8', { fatal: true });
const lenientDecoder = new TextDecoder('utf-8');

/** The text of a whole body, or `undecodable`. */
function decodeAll(bytes: ArrayBuffer | Uint8Array, strict: boolean): BodyText {
  if (bytes.byteLength === 0) return absent;
  if (!strict) return { kind: 'text', text: lenientDecoder.decode(bytes) };
  try {
    return { kind: 'text', text: strictDecoder.decode(bytes) };
  } catch {
    return undecodable;
  }
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
 * With a Content-Length (Node's parser stops at the declared length) the bytes come straight from
 * Node's request stream when nobody has touched it yet (see incoming-body.ts), else through
 * @hono/node-server's `arrayBuffer()`; without one (chunked) the stream is counted chunk by chunk
 * and cancelled.
 * Continuation-passing rather than `async`: a refused size answers synchronously, and an accepted
 * body costs one promise hop after Hono's own, not one per layer.
 *
 * @param strict - decode as UTF-8 with `fatal: true` (JSON); otherwise invalid bytes become U+FFFD.
 */
export function readBodyText<T>(c: Context, limit: number, then: BodyContinuation<T>, strict = false): T | Promise<T> {
  const declared = requestHeader(c, 'content-length');
  if (declared === undefined) {
    return readCounting(c, limit, strict).then(
      (read) => then.next(read),
      (err: unknown) => then.failed(err),
    );
  }
  const length = Number(declared);
  if (length > limit) return then.next(tooLarge);
  if (length === 0) return then.next(absent);
  const decoding = new Decoding(c, limit, strict, then);
  const incoming = untouchedIncoming(c);
  if (incoming !== undefined) return readIncoming(incoming, length, decoding);
  return c.req.arrayBuffer().then(
    (bytes) => decoding.next(bytes),
    (err: unknown) => decoding.failed(err),
  );
}

/** Decodes the bytes read and hands the text on. */
class Decoding<T> {
  constructor(
    readonly c: Context,
    readonly limit: number,
    readonly strict: boolean,
    readonly then: BodyContinuation<T>,
  ) {}

  next(bytes: ArrayBuffer | Uint8Array): T {
    if (bytes.byteLength > this.limit) return this.then.next(tooLarge);
    const read = decodeAll(bytes, this.strict);
    // Later `c.req.text()` / `c.req.json()` calls are served from Hono's cache, decoded as here.
    if (read.kind === 'text') cacheText(this.c, read.text);
    return this.then.next(read);
  }

  failed(err: unknown): T {
    return this.then.failed(err);
  }
}

function cacheText(c: Context, text: string): void {
  // Hono keeps promises in this cache, whatever its type says.
  (c.req.bodyCache as Record<string, unknown>)['text'] = Promise.resolve(text);
}

/** Chunked bodies: count the bytes as they arrive and stop at the limit. */
async function readCounting(c: Context, limit: number, strict: boolean): Promise<BodyText> {
  const stream = c.req.raw.body;
  if (stream === null) return absent;
  const reader = stream.getReader();
  const decoder = new TextDecoder('utf-8', { fatal: strict });
  let valid = true;
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
    // Keep counting after a decoding error: an oversize body is still 413, whatever its bytes.
    if (valid) {
      try {
        text += decoder.decode(value, { stream: true });
      } catch {
        valid = false;
      }
    }
  }
  if (valid) {
    try {
      text += decoder.decode();
    } catch {
      valid = false;
    }
  }
  if (bytes === 0) return absent;
  if (!valid) return undecodable;
  cacheText(c, text);
  return { kind: 'text', text };
}
