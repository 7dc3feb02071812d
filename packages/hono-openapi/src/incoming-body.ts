/**
 * Reads a request body straight from Node's `IncomingMessage` (`c.env.incoming` under
 * @hono/node-server) into a `Buffer`. @hono/node-server's own `arrayBuffer()` reads the same
 * stream but then copies the bytes into a fresh `ArrayBuffer` and adds two promise hops: for a
 * small JSON body that copy alone cost more than Ajv's validation (issue #12's profile).
 */
import { IncomingMessage } from 'node:http';
import type { Readable } from 'node:stream';
import type { Context } from 'hono';

interface NodeBindings {
  readonly incoming?: IncomingMessage;
}

/**
 * Node's request stream when the runtime may read it directly: served by @hono/node-server and
 * untouched (not flowing, nothing read, not destroyed, no encoding set, nothing in Hono's body
 * cache). Otherwise undefined, and the body is read through `c.req`, which knows what an earlier
 * reader took (a parent app's middleware, a `ReadableStream` already handed out) and how to
 * recover a complete body whose connection closed before it was read.
 */
export function untouchedIncoming(c: Context): IncomingMessage | undefined {
  const incoming = (c.env as NodeBindings | undefined)?.incoming;
  if (incoming === undefined || typeof incoming.on !== 'function') return undefined;
  if (incoming.readableFlowing !== null || incoming.readableDidRead || incoming.destroyed || incoming.readableEncoding !== null) return undefined;
  if (c.req.raw.bodyUsed) return undefined;
  for (const _read in c.req.bodyCache) return undefined;
  return incoming;
}

/** What is done with the bytes of a body read by {@link readIncoming}, or with why reading failed. */
export interface IncomingBodyContinuation<T> {
  next(bytes: Buffer): T;
  failed(err: unknown): T;
}

/**
 * Reads the body and continues with its bytes, in the event that ends the body: the promise
 * settles with what the continuation returns, one promise hop in all. `length` is the declared
 * Content-Length, at which Node's parser stops. When the connection closes first, the
 * continuation gets Node's error (`ECONNRESET` "aborted"), unless every declared byte had already
 * arrived: that body is complete and is used.
 */
export function readIncoming<T>(incoming: IncomingMessage, length: number, then: IncomingBodyContinuation<T>): Promise<T> {
  return new Promise<T>((resolve, reject) => new IncomingBodyReader(incoming, length, then, resolve, reject).listen());
}

/**
 * One read, as a class with bound methods rather than closures: tsx (which runs the bench's peers
 * and the tests) wraps every named closure in a `__name()` call that costs more per request than
 * the whole read. The listeners stay on the stream once the read settles (it is this request's
 * alone and is done): removing them cost more than the rest of the read (issue #12's profile).
 */
class IncomingBodyReader<T> {
  private readonly chunks: Buffer[] = [];
  private received = 0;
  private settled = false;

  constructor(
    private readonly incoming: IncomingMessage,
    private readonly length: number,
    private readonly then: IncomingBodyContinuation<T>,
    private readonly resolve: (result: T) => void,
    private readonly reject: (err: unknown) => void,
  ) {}

  listen(): void {
    // Typed as what @hono/node-server hands over; under HTTP/2 (and in tests) another stream.
    const stream: Readable = this.incoming;
    stream.on('data', this.data.bind(this)).on('end', this.end.bind(this)).on('close', this.close.bind(this));
    // Node's IncomingMessage emits 'error' only when someone listens, and its 'close' follows with
    // `errored` set; any other stream would throw an unheard 'error'.
    if (!(stream instanceof IncomingMessage)) stream.on('error', this.error.bind(this));
  }

  private data(chunk: Buffer): void {
    if (!this.settled) this.take(chunk);
  }

  private take(chunk: Buffer): void {
    this.chunks.push(chunk);
    this.received += chunk.byteLength;
  }

  private end(): void {
    if (!this.settled) this.settle(true, this.whole());
  }

  private error(err: Error): void {
    if (this.settled) return;
    // Settled from here on: a chunk `read()` hands back may also be emitted as 'data'.
    this.settled = true;
    if (this.incoming.complete) {
      // Node's parser saw the whole body before the connection closed; what the stream still
      // buffers was never emitted (@hono/node-server recovers such a body the same way).
      for (let chunk = this.incoming.read() as Buffer | null; chunk !== null; chunk = this.incoming.read() as Buffer | null) this.take(chunk);
      if (this.received === this.length) return this.settle(true, this.whole());
    }
    this.settle(false, err);
  }

  private close(): void {
    if (this.incoming.readableEnded) this.end();
    else this.error(this.incoming.errored ?? Object.assign(new Error('aborted'), { code: 'ECONNRESET' }));
  }

  /** Runs the continuation here, in Node's event: whatever it throws must reject, not escape into the stream. */
  private settle(read: boolean, outcome: Buffer | Error): void {
    this.settled = true;
    // The listeners keep this reader as long as the request lives; its chunks need not live as long.
    this.chunks.length = 0;
    try {
      this.resolve(read ? this.then.next(outcome as Buffer) : this.then.failed(outcome));
    } catch (err) {
      this.reject(err);
    }
  }

  private whole(): Buffer {
    return this.chunks.length === 1 ? (this.chunks[0] as Buffer) : Buffer.concat(this.chunks, this.received);
  }
}
