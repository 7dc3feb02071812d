import { request } from 'node:http';
import { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseHostHeader, publicOrigin } from './public-origin.ts';
import { serveApp, type ServedApp } from './serve.ts';
import { captureLogger } from '@repo/test-support';

/** GET / with exactly this Host header (Node's http client sends it as given; fetch would not). */
function originFor(port: number, host: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path: '/', headers: { host } }, (res) => {
      let body = '';
      res.on('data', (chunk: Buffer) => (body += chunk.toString()));
      res.on('end', () => resolve(res.statusCode === 200 ? body : `HTTP ${res.statusCode}`));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('publicOrigin over a real socket (server bound to 127.0.0.1)', () => {
  let served: ServedApp;
  let configured: ServedApp;
  beforeAll(async () => {
    const app = (base: string | undefined) => new Hono().get('/', (c) => c.text(publicOrigin(c, base)));
    const options = { port: 0, hostname: '127.0.0.1', logger: captureLogger().logger, handleSignals: false };
    served = await serveApp({ ...options, app: app(undefined) });
    configured = await serveApp({ ...options, app: app('https://users.example.com/api') });
  });
  afterAll(async () => {
    await served?.close();
    await configured?.close();
  });

  it.each([
    ['127.0.0.1:<port>', (p: number) => `127.0.0.1:${p}`, (p: number) => `http://127.0.0.1:${p}`],
    ['localhost:<port>', (p: number) => `localhost:${p}`, (p: number) => `http://localhost:${p}`],
    ['LOCALHOST:<port> (case)', (p: number) => `LOCALHOST:${p}`, (p: number) => `http://localhost:${p}`],
    ['[::1]:<port> (an IPv6 loopback literal)', (p: number) => `[::1]:${p}`, (p: number) => `http://[::1]:${p}`],
  ])('keeps a Host naming the listening address: %s', async (_name, host, expected) => {
    expect(await originFor(served.port, host(served.port))).toBe(expected(served.port));
  });

  it.each([
    ['another host', () => 'evil.example.com'],
    ['another host on the same port', (p: number) => `evil.example.com:${p}`],
    ['the right host on another port', () => '127.0.0.1:1'],
    ['an empty Host', () => ''],
    ['a very long Host', () => `${'a'.repeat(5000)}.example`],
    ['a non-loopback IPv6 literal', (p: number) => `[2001:db8::1]:${p}`],
  ])('answers with the listening address for %s', async (_name, host) => {
    expect(await originFor(served.port, host(served.port))).toBe(`http://127.0.0.1:${served.port}`);
  });

  it('never sees a Host @hono/node-server cannot build a URL from: userinfo is a 400 before the app', async () => {
    expect(await originFor(served.port, `user@127.0.0.1:${served.port}`)).toBe('HTTP 400');
  });

  it('uses PUBLIC_BASE_URL whatever the Host', async () => {
    expect(await originFor(configured.port, 'evil.example.com')).toBe('https://users.example.com/api');
    expect(await originFor(configured.port, `127.0.0.1:${configured.port}`)).toBe('https://users.example.com/api');
  });
});

describe('publicOrigin without a socket (app.request)', () => {
  it('uses the request URL, which no client controls there', async () => {
    const app = new Hono().get('/', (c) => c.text(publicOrigin(c, undefined)));
    expect(await (await app.request('http://localhost/')).text()).toBe('http://localhost');
  });
});

describe('parseHostHeader', () => {
  it.each([
    ['example.com', { host: 'example.com', port: undefined }],
    ['Example.COM:8080', { host: 'example.com', port: 8080 }],
    ['[::1]:80', { host: '::1', port: 80 }],
    ['', undefined],
    ['a b', undefined],
    ['host:99999', undefined],
    ['host:', undefined],
    ['::1', undefined],
  ])('%j', (value, expected) => {
    expect(parseHostHeader(value)).toEqual(expected);
  });
});
