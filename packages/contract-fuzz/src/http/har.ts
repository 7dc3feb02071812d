/** Every exchange as a HAR 1.2 log (what `redocly drift --coverage` reads). */
import { writeFileSync } from 'node:fs';
import type { RawRequest, RawResponse } from '../types.ts';

/**
 * Bodies past this size are cut in the log (noted in `comment`): a long run sends many 1 MiB
 * payloads, and coverage needs the shape of bodies, not megabytes of padding.
 */
const maxLoggedBody = 64 * 1024;

function logged(text: string): { text: string; comment?: string } {
  if (text.length <= maxLoggedBody) return { text };
  return { text: text.slice(0, maxLoggedBody), comment: `cut at ${maxLoggedBody} of ${text.length} characters` };
}

interface HarEntry {
  readonly startedDateTime: string;
  readonly request: RawRequest;
  readonly response: RawResponse;
}

export class HarRecorder {
  private readonly entries: HarEntry[] = [];

  record(request: RawRequest, response: RawResponse, started: Date): void {
    this.entries.push({ startedDateTime: started.toISOString(), request, response });
  }

  /** Writes the log; bodies are decoded as UTF-8 (invalid bytes become U+FFFD in the text). */
  write(file: string): void {
    const log = {
      log: {
        version: '1.2',
        creator: { name: '@repo/contract-fuzz', version: '0.0.0' },
        pages: [],
        entries: this.entries.map(({ startedDateTime, request, response }) => {
          const query = queryOf(request.url);
          const contentType = request.headers.find(([n]) => n.toLowerCase() === 'content-type')?.[1];
          const responseType = response.headers['content-type'] ?? '';
          return {
            startedDateTime,
            time: Math.round(response.durationMs),
            request: {
              method: request.method,
              url: request.url,
              httpVersion: 'HTTP/1.1',
              cookies: [],
              headers: request.headers.map(([name, value]) => ({ name, value })),
              queryString: query,
              ...(request.body === undefined
                ? {}
                : { postData: { mimeType: contentType ?? '', ...logged(Buffer.from(request.body).toString('utf8')) } }),
              headersSize: -1,
              bodySize: request.body?.length ?? 0,
            },
            response: {
              status: response.status,
              statusText: '',
              httpVersion: 'HTTP/1.1',
              cookies: [],
              headers: Object.entries(response.headers).map(([name, value]) => ({ name, value })),
              content: { size: Buffer.byteLength(response.text), mimeType: responseType, ...logged(response.text) },
              redirectURL: response.headers['location'] ?? '',
              headersSize: -1,
              bodySize: Buffer.byteLength(response.text),
            },
            cache: {},
            timings: { send: 0, wait: Math.round(response.durationMs), receive: 0 },
          };
        }),
      },
    };
    writeFileSync(file, JSON.stringify(log));
  }
}

function queryOf(url: string): Array<{ name: string; value: string }> {
  const at = url.indexOf('?');
  if (at === -1) return [];
  return url
    .slice(at + 1)
    .split('&')
    .filter((pair) => pair !== '')
    .map((pair) => {
      const [name = '', value = ''] = pair.split('=');
      const decode = (s: string): string => {
        try {
          return decodeURIComponent(s);
        } catch {
          return s;
        }
      };
      return { name: decode(name), value: decode(value) };
    });
}
