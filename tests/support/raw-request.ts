/**
 * A request exactly as written: any Host header, any path bytes, any body bytes. `fetch` cannot
 * send these (it sets Host itself and normalises the URL); the fuzzer's transport mutations can.
 */
import { request } from 'node:http';
import { connect } from 'node:net';

export interface RawRequest {
  method: string;
  /** Sent as is, percent-encoding and all. */
  path: string;
  headers?: Record<string, string>;
  body?: string | Uint8Array;
}

export interface RawResponse {
  status: number;
  headers: Headers;
  text: string;
}

/** Sends `req` to 127.0.0.1:`port` with Node's http client (headers as given, Host included). */
export function rawRequest(port: number, req: RawRequest): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const body = req.body === undefined ? undefined : typeof req.body === 'string' ? Buffer.from(req.body) : Buffer.from(req.body);
    const headers = { ...(body === undefined ? {} : { 'content-length': String(body.byteLength) }), ...req.headers };
    const outgoing = request({ host: '127.0.0.1', port, method: req.method, path: req.path, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => {
        const responseHeaders = new Headers();
        for (const [name, value] of Object.entries(res.headers)) {
          for (const v of Array.isArray(value) ? value : value === undefined ? [] : [value]) responseHeaders.append(name, v);
        }
        resolve({ status: res.statusCode ?? 0, headers: responseHeaders, text: Buffer.concat(chunks).toString('utf8') });
      });
    });
    outgoing.on('error', reject);
    outgoing.end(body);
  });
}

/**
 * Writes `head` (request line and headers, CRLF-separated, without the blank line) byte for byte
 * on a socket and returns what came back until the server closed the connection, parsed: for
 * header bytes Node's http client refuses to send.
 */
export function rawHead(port: number, head: Uint8Array): Promise<RawResponse & { statusLine: string }> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1', () => socket.end(Buffer.concat([head, Buffer.from('\r\nConnection: close\r\n\r\n')])));
    const chunks: Buffer[] = [];
    socket.on('data', (chunk: Buffer) => chunks.push(chunk));
    socket.on('end', () => {
      const received = Buffer.concat(chunks);
      const split = received.indexOf('\r\n\r\n');
      const [statusLine = '', ...lines] = received.subarray(0, split < 0 ? received.length : split).toString('latin1').split('\r\n');
      const headers = new Headers();
      for (const line of lines) headers.append(line.slice(0, line.indexOf(':')), line.slice(line.indexOf(':') + 1).trim());
      const text = split < 0 ? '' : received.subarray(split + 4).toString('utf8');
      resolve({ statusLine, status: Number(statusLine.split(' ')[1]), headers, text });
    });
    socket.on('error', reject);
  });
}
