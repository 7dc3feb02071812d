/**
 * Plain HTTP/1.1 requests through node:http, for tests that need what fetch cannot give: a chosen
 * local address (127.0.0.2 is another client on loopback), a fresh connection per request, a hard
 * timeout.
 */
import { request } from 'node:http';
import type { Credentials } from './admin.ts';

export interface HttpAnswer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

export interface HttpOptions {
  method?: string;
  headers?: Record<string, string>;
  body?: unknown;
  auth?: Credentials;
  /** The client's address; default 127.0.0.1. */
  localAddress?: string;
  /** Give up (reject) after this long; default 10 s. */
  timeoutMs?: number;
}

/** Sends one request on its own connection; rejects on a network error or the timeout. */
export function http(url: string, options: HttpOptions = {}): Promise<HttpAnswer> {
  const headers: Record<string, string> = { connection: 'close', ...options.headers };
  if (options.auth) headers['authorization'] = `Basic ${Buffer.from(`${options.auth.username}:${options.auth.password}`).toString('base64')}`;
  const body = options.body === undefined ? undefined : JSON.stringify(options.body);
  if (body !== undefined) headers['content-type'] = 'application/json';
  return new Promise((resolve, reject) => {
    const req = request(
      url,
      { method: options.method ?? 'GET', headers, localAddress: options.localAddress, timeout: options.timeoutMs ?? 10_000 },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (text += chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: text }));
        res.on('error', reject);
      },
    );
    req.on('timeout', () => req.destroy(new Error(`no answer within ${options.timeoutMs ?? 10_000} ms`)));
    req.on('error', reject);
    req.end(body);
  });
}
