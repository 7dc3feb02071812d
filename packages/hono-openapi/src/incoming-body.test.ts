import type { IncomingMessage } from 'node:http';
import { connect } from 'node:net';
import { Readable } from 'node:stream';
import { serve } from '@hono/node-server';
import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { authJson, basicAuth, fixtureApp } from '../test/fixture-app.ts';
import { readIncoming, type IncomingBodyContinuation } from './incoming-body.ts';

/** A request stream as Node's parser feeds it; `complete` is set once the whole body was parsed. */
function incoming(): Readable & { complete: boolean } {
  return Object.assign(new Readable({ read() {} }), { complete: false });
}

const asText: IncomingBodyContinuation<string> = {
  next: (bytes) => `read ${bytes.toString('utf8')}`,
  failed: (err) => `failed ${(err as Error).message}`,
};

const aborted = () => Object.assign(new Error('aborted'), { code: 'ECONNRESET' });

describe('readIncoming', () => {
  it('hands on the bytes of a body that arrives in several chunks', async () => {
    const stream = incoming();
    const read = readIncoming(stream as unknown as IncomingMessage, 11, asText);
    stream.push(Buffer.from('hello '));
    stream.push(Buffer.from('world'));
    stream.push(null);
    expect(await read).toBe('read hello world');
  });

  it("hands on Node's error when the connection closes before the body is complete", async () => {
    const stream = incoming();
    const read = readIncoming(stream as unknown as IncomingMessage, 100, asText);
    stream.push(Buffer.from('{"user'));
    stream.destroy(aborted());
    expect(await read).toBe('failed aborted');
  });

  it('uses a complete body whose connection closed before it was read', async () => {
    const stream = incoming();
    stream.push(Buffer.from('{"a":1}'));
    stream.complete = true;
    // Node destroys the request when the socket closes, before the buffered body was ever emitted.
    stream.destroy(aborted());
    const read = readIncoming(stream as unknown as IncomingMessage, 7, asText);
    expect(await read).toBe('read {"a":1}');
  });

  it('settles once: an error and a close after the end are not a second outcome', async () => {
    // Not destroyed by its end, so that it can still fail afterwards.
    const stream = Object.assign(new Readable({ read() {}, autoDestroy: false }), { complete: false });
    const outcomes: string[] = [];
    const read = readIncoming(stream as unknown as IncomingMessage, 2, {
      next: (bytes) => outcomes.push(`read ${bytes.toString('utf8')}`),
      failed: (err) => outcomes.push(`failed ${(err as Error).message}`),
    });
    stream.push(Buffer.from('{}'));
    stream.push(null);
    await read;
    stream.destroy(aborted());
    await new Promise((resolve) => stream.once('close', resolve));
    expect(outcomes).toEqual(['read {}']);
  });

  it('rejects, rather than throwing into the stream, when the continuation throws', async () => {
    const stream = incoming();
    const read = readIncoming(stream as unknown as IncomingMessage, 2, {
      next: () => {
        throw new Error('handler bug');
      },
      failed: () => 'failed',
    });
    stream.push(Buffer.from('{}'));
    stream.push(null);
    await expect(read).rejects.toThrow('handler bug');
  });
});

describe('request bodies served by @hono/node-server', () => {
  const valid = { username: 'alice', password: 'password-1' };

  /** The fixture app behind a parent that records each answer's status, optionally reading the body first. */
  async function served(options: { parentReadsBody?: boolean } = {}) {
    const { api, logger } = fixtureApp();
    const bodies: unknown[] = [];
    api.handle('post', '/users', async (req, c) => {
      bodies.push(req.body, await c.req.json());
      return { status: 202, body: { userKey: 1 } };
    });
    const statuses: number[] = [];
    const parent = new Hono();
    parent.use(async (c, next) => {
      if (options.parentReadsBody) await c.req.text();
      await next();
      statuses.push(c.res.status);
    });
    parent.route('/', api.app);
    const server = await new Promise<ReturnType<typeof serve>>((resolve) => {
      const s = serve({ fetch: parent.fetch, port: 0, hostname: '127.0.0.1' }, () => resolve(s));
    });
    const port = (server.address() as { port: number }).port;
    const post = (body: string | Uint8Array) => fetch(`http://127.0.0.1:${port}/api/v1/users`, { method: 'POST', headers: authJson, body });
    const close = () => new Promise<void>((resolve) => server.close(() => resolve()));
    return { port, post, bodies, statuses, logger, close };
  }

  it("reads the body from Node's request; the handler can still ask Hono for it", async () => {
    const app = await served();
    try {
      const res = await app.post(JSON.stringify(valid));
      expect(res.status).toBe(202);
      expect(app.bodies).toEqual([valid, valid]);
    } finally {
      await app.close();
    }
  });

  it('refuses a body that is not UTF-8', async () => {
    const app = await served();
    try {
      const latin1 = new Uint8Array([...new TextEncoder().encode('{"username":"alice","password":"pass'), 0xe9, ...new TextEncoder().encode('word-1"}')]);
      expect((await app.post(latin1)).status).toBe(400);
      expect(app.bodies).toEqual([]);
    } finally {
      await app.close();
    }
  });

  it('validates a body a parent middleware has already read', async () => {
    const app = await served({ parentReadsBody: true });
    try {
      expect((await app.post(JSON.stringify(valid))).status).toBe(202);
      expect((await app.post(JSON.stringify({ username: 'alice' }))).status).toBe(400);
      expect(app.bodies).toEqual([valid, valid]);
    } finally {
      await app.close();
    }
  });

  it('takes a body cut off by the client for what it is: no handler, nothing logged', async () => {
    const app = await served();
    try {
      const socket = connect(app.port, '127.0.0.1');
      const head = `POST /api/v1/users HTTP/1.1\r\nHost: x\r\nAuthorization: ${basicAuth()}\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n`;
      await new Promise<void>((resolve) => socket.write(`${head}{"user`, () => resolve()));
      socket.destroy();
      await expect.poll(() => app.statuses).toEqual([408]);
      expect([app.bodies, app.logger.lines]).toEqual([[], []]);
    } finally {
      await app.close();
    }
  });
});
