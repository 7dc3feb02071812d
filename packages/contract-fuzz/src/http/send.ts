/**
 * Sends raw requests with node:http / node:https: the path goes out exactly as generated (broken
 * percent-encoding included), the body as bytes, and any `Host` header as given. A keep-alive agent
 * per protocol; concurrency is bounded by the runner.
 */
import http from 'node:http';
import https from 'node:https';
import type { RawRequest, RawResponse } from '../types.ts';

export interface Sender {
  send(request: RawRequest): Promise<RawResponse>;
  close(): void;
}

/** A response that could not be received: status 0, the error as text. */
export function transportError(message: string, durationMs: number): RawResponse {
  return { status: 0, headers: {}, text: message, durationMs };
}

export function createSender(timeoutMs: number): Sender {
  const agents = {
    'http:': new http.Agent({ keepAlive: true, maxSockets: 8 }),
    'https:': new https.Agent({ keepAlive: true, maxSockets: 8 }),
  };
  return {
    send: (request) =>
      new Promise<RawResponse>((resolve) => {
        const started = performance.now();
        const done = (response: RawResponse): void => resolve(response);
        let url: URL;
        try {
          url = new URL(request.url);
        } catch {
          done(transportError(`invalid URL ${request.url}`, 0));
          return;
        }
        const protocol = url.protocol === 'https:' ? 'https:' : 'http:';
        // The path as generated: URL would re-encode it, so cut it out of the string.
        const afterAuthority = request.url.slice(request.url.indexOf('/', request.url.indexOf('//') + 2));
        const headers: Record<string, string> = {};
        for (const [name, value] of request.headers) headers[name] = value;
        if (request.body !== undefined) headers['content-length'] = String(request.body.length);
        const options: http.RequestOptions = {
          method: request.method,
          host: url.hostname.replace(/^\[|\]$/g, ''),
          port: url.port === '' ? undefined : Number(url.port),
          path: afterAuthority,
          headers,
          agent: agents[protocol],
          setHost: !request.headers.some(([name]) => name.toLowerCase() === 'host'),
          timeout: timeoutMs,
        };
        let req: http.ClientRequest;
        try {
          req = (protocol === 'https:' ? https : http).request(options, (res) => {
            const chunks: Buffer[] = [];
            res.on('data', (chunk: Buffer) => chunks.push(chunk));
            res.on('end', () => {
              const flat: Record<string, string> = {};
              for (const [name, value] of Object.entries(res.headers)) {
                if (value !== undefined) flat[name] = Array.isArray(value) ? value.join(', ') : value;
              }
              done({
                status: res.statusCode ?? 0,
                headers: flat,
                text: Buffer.concat(chunks).toString('utf8'),
                durationMs: performance.now() - started,
              });
            });
            res.on('error', (error) => done(transportError(`response error: ${error.message}`, performance.now() - started)));
          });
        } catch (error) {
          done(transportError(`request not sent: ${(error as Error).message}`, 0));
          return;
        }
        req.on('timeout', () => req.destroy(new Error(`no response within ${timeoutMs} ms`)));
        req.on('error', (error) => done(transportError(`request error: ${error.message}`, performance.now() - started)));
        req.end(request.body === undefined ? undefined : Buffer.from(request.body));
      }),
    close: () => {
      agents['http:'].destroy();
      agents['https:'].destroy();
    },
  };
}
