/**
 * Reads a request body straight from Node's `IncomingMessage` (`c.env.incoming` under
 * @hono/node-server) into a `Buffer`. @hono/node-server's own `arrayBuffer()` reads the same
 * stream but then copies the bytes into a fresh `ArrayBuffer` and adds two promise hops: for a
 * small JSON body that copy alone cost more than Ajv's validation (issue #12's profile).
 */
import type { IncomingMessage } from 'node:http';
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
 * the whole read.
 */
class IncomingBodyReader<T> {
  private readonly chunks: Buffer[] = [];
  private received = 0;
  private readonly onData = this.data.bind(this);
  private readonly onEnd = this.end.bind(this);
  private readonly onError = this.error.bind(this);
  private readonly onClose = this.close.bind(this);

  constructor(
    private readonly incoming: IncomingMessage,
    private readonly length: number,
    private readonly then: IncomingBodyContinuation<T>,
    private readonly resolve: (result: T) => void,
    private readonly reject: (err: unknown) => void,
  ) {}

  listen(): void {
    this.incoming.on('data', this.onData).on('end', this.onEnd).on('error', this.onError).on('close', this.onClose);
  }

  private data(chunk: Buffer): void {
    this.chunks.push(chunk);
    this.received += chunk.byteLength;
  }

  private end(): void {
    this.cleanup();
    this.settle(true, this.whole());
  }

  private error(err: Error): void {
    this.cleanup();
    if (this.incoming.complete) {
      // Node's parser saw the whole body before the connection closed; what the stream still
      // buffers was never emitted (@hono/node-server recovers such a body the same way).
      for (let chunk = this.incoming.read() as Buffer | null; chunk !== null; chunk = this.incoming.read() as Buffer | null) this.data(chunk);
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
    try {
      this.resolve(read ? this.then.next(outcome as Buffer) : this.then.failed(outcome));
    } catch (err) {
      this.reject(err);
    }
  }

  private whole(): Buffer {
    return this.chunks.length === 1 ? (this.chunks[0] as Buffer) : Buffer.concat(this.chunks, this.received);
  }

  private cleanup(): void {
    this.incoming.off('data', this.onData).off('end', this.onEnd).off('error', this.onError).off('close', this.onClose);
  }
}
