/**
 * Abusive clients against a real server process (SQLite; the throttle shared between replicas on
 * PostgreSQL is in replicas.test.ts): a password guesser is answered 429 while the right password
 * from another client address still works, and a body that never arrives is cut after the
 * request timeout instead of holding its connection for minutes.
 */
import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN } from '../support/admin.ts';
import { startServer, type RunningServer } from '../support/start-server.ts';
import { read } from './api-calls.ts';

for (const api of ['camunda', 'onezone'] as const) {
  describe(`${api} under abuse`, () => {
    let server: RunningServer;
    beforeAll(async () => {
      server = await startServer({ api, env: { SIGN_IN_MAX_FAILURES: '5', SIGN_IN_WINDOW_SECONDS: '120', REQUEST_TIMEOUT_MS: '1000' } });
    });
    afterAll(() => server?.stop());

    it('answers a brute force 429 with Retry-After, while the right password from another client works', async () => {
      const target = { api, baseUrl: server.baseUrl };
      for (let i = 0; i < 5; i += 1) expect((await read(target, { auth: { ...ADMIN, password: `guess-${i}` } })).status).toBe(401);
      const refused = [await read(target, { auth: { ...ADMIN, password: 'guess-5' } }), await read(target)];
      for (const answer of refused) {
        expect(answer.status).toBe(429);
        expect(Number(answer.headers['retry-after'])).toBeGreaterThan(100);
      }
      expect((await read(target, { localAddress: '127.0.0.2' })).status).toBe(200);
    });

    it('answers 408 and closes the connection when the body never arrives', async () => {
      // Signed in (so the server reads the body), from an address the brute force did not throttle.
      const socket = connect({ port: server.port, host: '127.0.0.1', localAddress: '127.0.0.2' });
      const authorization = `Basic ${Buffer.from(`${ADMIN.username}:${ADMIN.password}`).toString('base64')}`;
      const started = Date.now();
      const answer = await new Promise<string>((resolve, reject) => {
        let text = '';
        const timer = setTimeout(() => reject(new Error(`still open after 10 s: ${text}`)), 10_000);
        socket.setEncoding('utf8');
        socket.on('data', (chunk: string) => (text += chunk));
        socket.on('error', () => undefined);
        socket.on('close', () => {
          clearTimeout(timer);
          resolve(text);
        });
        socket.write(`POST ${new URL(server.baseUrl).pathname}/users HTTP/1.1\r\nHost: x\r\nAuthorization: ${authorization}\r\nContent-Type: application/json\r\nContent-Length: 200\r\n\r\n{"user`);
      });
      expect(answer).toMatch(/^HTTP\/1\.1 408 /);
      expect(Date.now() - started).toBeLessThan(5000);
      expect(server.alive()).toBe(true);
    });
  });
}
