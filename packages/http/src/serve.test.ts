import { spawn } from 'node:child_process';
import { connect, type Socket } from 'node:net';
import { fileURLToPath } from 'node:url';
import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { serveApp, type ClientErrorReason, type ServeAppOptions } from './serve.ts';
import { captureLogger } from '@repo/test-support';

function slowApp(onStarted: () => void, onAnswered: () => void = () => {}) {
  const app = new Hono();
  app.get('/fast', (c) => c.text('fast'));
  app.get('/slow', async (c) => {
    onStarted();
    await new Promise((r) => setTimeout(r, 300));
    onAnswered();
    return c.text('done');
  });
  return app;
}

describe('serveApp', () => {
  it('listens on the port the OS picks and logs the URL', async () => {
    const log = captureLogger();
    const served = await serveApp({ app: slowApp(() => {}), port: 0, hostname: '127.0.0.1', logger: log.logger, handleSignals: false });
    try {
      expect(served.port).toBeGreaterThan(0);
      expect(await (await fetch(`${served.url}/fast`)).text()).toBe('fast');
      expect(log.lines[0]).toMatchObject({ url: `http://127.0.0.1:${served.port}` });
    } finally {
      await served.close();
    }
  });

  it('finishes an in-flight request on close, then runs onShutdown and refuses new connections', async () => {
    const events: string[] = [];
    let started!: () => void;
    const requestStarted = new Promise<void>((r) => (started = r));
    const served = await serveApp({
      app: slowApp(
        () => started(),
        () => events.push('answered'),
      ),
      port: 0,
      hostname: '127.0.0.1',
      logger: captureLogger().logger,
      handleSignals: false,
      onShutdown: async () => void events.push('onShutdown'),
    });
    const inFlight = fetch(`${served.url}/slow`).then(async (res) => `${res.status} ${await res.text()}`);
    await requestStarted;
    const closed = served.close().then(() => events.push('closed'));

    // The whole answer reaches the client; on the server, onShutdown comes after it. (When the
    // client sees it is not ordered against onShutdown: under load the client, in this process
    // too, may read the answer only after the server has closed the drained connection.)
    expect(await inFlight).toBe('200 done');
    await closed;
    expect(events).toEqual(['answered', 'onShutdown', 'closed']);
    await expect(fetch(`${served.url}/fast`)).rejects.toThrow();
  });

  it('answers 408 and closes a connection whose body never arrives, after the request timeout', async () => {
    const app = new Hono();
    app.post('/echo', async (c) => c.text(await c.req.text()));
    const served = await serveApp({
      app,
      port: 0,
      hostname: '127.0.0.1',
      logger: captureLogger().logger,
      handleSignals: false,
      limits: { requestTimeoutMs: 300 },
    });
    try {
      const socket = connect(served.port, '127.0.0.1');
      const started = Date.now();
      socket.write('POST /echo HTTP/1.1\r\nHost: x\r\nContent-Type: text/plain\r\nContent-Length: 100\r\n\r\nonly part');
      const answer = await readUntilClosed(socket);
      expect(answer).toMatch(/^HTTP\/1\.1 408 /);
      expect(Date.now() - started).toBeLessThan(3000);
    } finally {
      await served.close();
    }
  });

  it('refuses connections beyond maxConnections and keeps serving the ones it has', async () => {
    const app = new Hono();
    app.get('/fast', (c) => c.text('fast'));
    const served = await serveApp({ app, port: 0, hostname: '127.0.0.1', logger: captureLogger().logger, handleSignals: false, limits: { maxConnections: 2 } });
    const sockets: Socket[] = [];
    try {
      for (let i = 0; i < 2; i += 1) {
        const socket = connect(served.port, '127.0.0.1');
        sockets.push(socket);
        await new Promise((resolve) => socket.once('connect', resolve));
      }
      const third = connect(served.port, '127.0.0.1');
      sockets.push(third);
      third.write('GET /fast HTTP/1.1\r\nHost: x\r\n\r\n');
      expect(await readUntilClosed(third)).toBe('');
      sockets[0]!.write('GET /fast HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n');
      expect(await readUntilClosed(sockets[0]!)).toMatch(/^HTTP\/1\.1 200 [\s\S]*fast$/);
    } finally {
      for (const socket of sockets) socket.destroy();
      await served.close();
    }
  });

  it('cuts connections still open after the grace timeout', async () => {
    const app = new Hono();
    app.get('/hang', () => new Promise<Response>(() => {}));
    const served = await serveApp({ app, port: 0, hostname: '127.0.0.1', logger: captureLogger().logger, handleSignals: false, shutdownTimeoutMs: 50 });
    const hanging = fetch(`${served.url}/hang`).catch((e: unknown) => e);
    await new Promise((r) => setTimeout(r, 50));
    await served.close();
    expect(await hanging).toBeInstanceOf(Error);
  });
});

describe('serveApp with clientErrorResponse', () => {
  /** Answers every refusal 400 with a body naming the reason, so a test can see which one it got. */
  const respond = (reason: ClientErrorReason) => ({ status: 400, contentType: 'application/problem+json', body: { title: 'INVALID_ARGUMENT', reason } });

  async function withServer(test: (port: number) => Promise<void>, limits?: ServeAppOptions['limits']): Promise<void> {
    const app = new Hono();
    app.get('/fast', (c) => c.text('fast'));
    app.post('/echo', async (c) => c.text(await c.req.text()));
    const logger = captureLogger().logger;
    const served = await serveApp({ app, port: 0, hostname: '127.0.0.1', logger, handleSignals: false, clientErrorResponse: respond, limits });
    try {
      await test(served.port);
    } finally {
      await served.close();
    }
  }

  /** Writes `request` byte for byte and parses what comes back before the server closes. */
  async function exchange(port: number, request: Buffer): Promise<{ statusLine: string; headers: Record<string, string>; body: string }> {
    const socket = connect(port, '127.0.0.1');
    socket.write(request);
    const answer = await readUntilClosed(socket);
    const [head = '', body = ''] = answer.split('\r\n\r\n');
    const [statusLine = '', ...lines] = head.split('\r\n');
    const headers = Object.fromEntries(lines.map((line) => [line.slice(0, line.indexOf(':')).toLowerCase(), line.slice(line.indexOf(':') + 1).trim()]));
    return { statusLine, headers, body };
  }

  it('answers a NUL byte in a header value with the response given, complete, and closes', async () => {
    await withServer(async (port) => {
      const answer = await exchange(port, Buffer.from('GET /fast HTTP/1.1\r\nHost: x\r\nX-Request-Id: a\u0000b\r\n\r\n', 'latin1'));
      expect(answer.statusLine).toBe('HTTP/1.1 400 Bad Request');
      const length = String(Buffer.byteLength(answer.body));
      expect(answer.headers).toMatchObject({ 'content-type': 'application/problem+json', connection: 'close', 'content-length': length });
      expect(JSON.parse(answer.body)).toEqual({ title: 'INVALID_ARGUMENT', reason: 'malformed' });
    });
  });

  it('answers a malformed request line the same way', async () => {
    await withServer(async (port) => {
      const answer = await exchange(port, Buffer.from('GET /fa st HTTP/1.1 x\r\nHost: x\r\n\r\n'));
      expect(answer.statusLine).toBe('HTTP/1.1 400 Bad Request');
      expect(JSON.parse(answer.body)).toEqual({ title: 'INVALID_ARGUMENT', reason: 'malformed' });
    });
  });

  it('passes headersTooLarge for a head over the size limit; the status is the one the app gives', async () => {
    await withServer(async (port) => {
      const answer = await exchange(port, Buffer.from(`GET /fast HTTP/1.1\r\nHost: x\r\nX-Big: ${'a'.repeat(20_000)}\r\n\r\n`));
      expect(answer.statusLine).toBe('HTTP/1.1 400 Bad Request');
      expect(JSON.parse(answer.body)).toEqual({ title: 'INVALID_ARGUMENT', reason: 'headersTooLarge' });
    });
  });

  it('keeps serving well-formed requests, and keeps Node\'s bare 408 for a request that times out', async () => {
    await withServer(
      async (port) => {
        expect((await exchange(port, Buffer.from('GET /fast HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n'))).body).toBe('fast');
        const answer = await exchange(port, Buffer.from('POST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: 100\r\n\r\npart'));
        expect(answer.statusLine).toBe('HTTP/1.1 408 Request Timeout');
        expect(answer.body).toBe('');
      },
      { requestTimeoutMs: 300 },
    );
  });
});

describe('serveApp on SIGTERM', () => {
  it('finishes the in-flight request, runs onShutdown and exits 0', async () => {
    const fixture = fileURLToPath(new URL('./fixtures/serve-slow-app.ts', import.meta.url));
    const child = spawn(process.execPath, ['--import', 'tsx', fixture], { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    const port = await new Promise<string>((resolve, reject) => {
      child.stdout.on('data', (chunk: Buffer) => {
        out += chunk.toString();
        const match = /port (\d+)/.exec(out);
        if (match?.[1]) resolve(match[1]);
      });
      child.once('exit', () => reject(new Error(`fixture exited early: ${out}`)));
    });
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));

    const response = fetch(`http://127.0.0.1:${port}/slow`);
    await new Promise((r) => setTimeout(r, 100));
    child.kill('SIGTERM');

    expect(await (await response).text()).toBe('done');
    expect(await exited).toBe(0);
    expect(out).toContain('onShutdown');
  }, 15_000);
});

/** Everything the server sends until it closes the connection (bounded: 5 s). */
function readUntilClosed(socket: Socket): Promise<string> {
  return new Promise((resolve, reject) => {
    let text = '';
    const timer = setTimeout(() => reject(new Error(`connection still open after 5 s; got ${JSON.stringify(text)}`)), 5000);
    socket.setEncoding('utf8');
    socket.on('data', (chunk: string) => (text += chunk));
    socket.on('error', () => undefined);
    socket.on('close', () => {
      clearTimeout(timer);
      resolve(text);
    });
  });
}
