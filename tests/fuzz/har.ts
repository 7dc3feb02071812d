/**
 * The little of HAR 1.2 the harness reads (the fuzzer's recording, to find requests to replay) and
 * writes (the exchanges it adds itself, so `redocly drift` counts them with the rest).
 */
import { readFile, stat, writeFile } from 'node:fs/promises';

/** A HAR 1.2 entry, as far as the harness uses it. */
export interface HarEntry {
  startedDateTime: string;
  time: number;
  request: {
    method: string;
    url: string;
    httpVersion: string;
    cookies: unknown[];
    headers: { name: string; value: string }[];
    queryString: { name: string; value: string }[];
    headersSize: number;
    bodySize: number;
    /** `comment` set: the recorder cut the text. */
    postData?: { mimeType: string; text: string; comment?: string } | undefined;
  };
  response: {
    status: number;
    statusText: string;
    httpVersion: string;
    cookies: unknown[];
    headers: { name: string; value: string }[];
    content: { size: number; mimeType: string; text: string };
    redirectURL: string;
    headersSize: number;
    bodySize: number;
  };
  cache: Record<string, never>;
  timings: { send: number; wait: number; receive: number };
}

// Each replay of a coverage pass reads the same recording (megabytes of JSON): the last one read
// is kept, parsed.
let last: { file: string; version: string; entries: readonly HarEntry[] } | undefined;

/** The entries of a HAR file (parsed again only when the file changed). */
export async function readHarEntries(file: string): Promise<readonly HarEntry[]> {
  const { mtimeMs, size } = await stat(file);
  const version = `${mtimeMs}:${size}`;
  if (last?.file === file && last.version === version) return last.entries;
  const document = JSON.parse(await readFile(file, 'utf8')) as { log?: { entries?: HarEntry[] } };
  if (!Array.isArray(document.log?.entries)) throw new Error(`${file} is not a HAR file (no log.entries)`);
  last = { file, version, entries: document.log.entries };
  return document.log.entries;
}

/** Writes `entries` as a HAR 1.2 file. */
export async function writeHar(file: string, entries: readonly HarEntry[]): Promise<void> {
  await writeFile(file, JSON.stringify({ log: { version: '1.2', creator: { name: 'tests/fuzz', version: '1' }, entries } }));
}

/** One exchange made with `fetch`, as a HAR entry. */
export function harEntry(
  started: Date,
  request: { method: string; url: string; headers: [string, string][]; body?: string | undefined },
  response: { status: number; statusText: string; headers: Headers; text: string },
): HarEntry {
  const contentType = (headers: Iterable<[string, string]>) => [...headers].find(([name]) => name.toLowerCase() === 'content-type')?.[1] ?? '';
  const url = new URL(request.url);
  return {
    startedDateTime: started.toISOString(),
    time: Date.now() - started.getTime(),
    request: {
      method: request.method,
      url: request.url,
      httpVersion: 'HTTP/1.1',
      cookies: [],
      headers: request.headers.map(([name, value]) => ({ name, value })),
      queryString: [...url.searchParams].map(([name, value]) => ({ name, value })),
      headersSize: -1,
      bodySize: request.body === undefined ? 0 : Buffer.byteLength(request.body),
      ...(request.body === undefined ? {} : { postData: { mimeType: contentType(request.headers), text: request.body } }),
    },
    response: {
      status: response.status,
      statusText: response.statusText,
      httpVersion: 'HTTP/1.1',
      cookies: [],
      headers: [...response.headers].map(([name, value]) => ({ name, value })),
      content: { size: Buffer.byteLength(response.text), mimeType: contentType(response.headers), text: response.text },
      redirectURL: '',
      headersSize: -1,
      bodySize: Buffer.byteLength(response.text),
    },
    cache: {},
    timings: { send: 0, wait: Date.now() - started.getTime(), receive: 0 },
  };
}
