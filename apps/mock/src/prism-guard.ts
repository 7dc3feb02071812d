/**
 * A small HTTP front for one Prism process: Prism listens on an internal port, the guard on the
 * documented one, and every request goes through it unchanged (method, URL, headers, `Prefer`,
 * body, streamed both ways), except two that Prism gets wrong:
 *
 * - a URL with broken percent-encoding (`DELETE /v2/users/%E0%A4%A`, `%ZZ`, `%C0%AF`): Prism 5.14
 *   decodes path parameters with `decodeURIComponent` in `uri-template-lite`, outside any
 *   try/catch, so the `URIError` kills the process and with it `npm run mock`. The guard answers
 *   such a request itself, with 400 (the query is checked too: the servers refuse it as well);
 * - a body that is not JSON (or not readable in its charset): Prism's HTTP layer (micri) answers
 *   `400 application/json {"error":{"code":"invalid_json",…}}`, which is no API's error format.
 *   The guard replaces that answer.
 *
 * Both answers come from the spec, never written by hand: the first named example of the matched
 * operation's 400 response, else of its 404, else the first 400 example anywhere in the spec.
 *
 * Until Prism answers (its first second or two), the guard already listens on the documented port:
 * a client started beside the mock (a dev server, a test runner) gets the operation's 503 example
 * with `Retry-After`, which every operation declares, instead of a connection error or a bare 502.
 */
import { createServer, request as httpRequest, Agent, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { SpecDocument } from './mount-bundle.ts';
import { serverBasePath } from './mount-bundle.ts';
import { operationScenarios, type OperationScenarios } from './scenarios.ts';

/** Options of {@link startPrismGuard}. */
export interface PrismGuardOptions {
  /** The interface to listen on. */
  host: string;
  /** The port to listen on; 0 picks a free one. */
  port: number;
  /**
   * Where Prism listens (host as to connect, e.g. `127.0.0.1`); read on each request, so it may be
   * set once Prism is up. Port 0: Prism is still starting, and requests get {@link startingAnswer}.
   */
  upstream: { host: string; port: number };
  /** The spec Prism serves (the mounted copy), asked again on each answer so a reload is followed. */
  spec: () => SpecDocument;
  /** Receives a line for each request the guard answers itself. */
  onLine: (line: string) => void;
}

/** A running guard. */
export interface PrismGuard {
  port: number;
  close(): Promise<void>;
}

/** An answer taken from a spec example. */
export interface ExampleAnswer {
  status: number;
  mediaType: string | undefined;
  body: string;
  /** Headers the answer needs besides its media type (e.g. `Retry-After`). */
  headers?: Readonly<Record<string, string>>;
}

/** Seconds a client is told to wait while Prism starts, when the spec gives no `Retry-After` example. */
const STARTING_RETRY_AFTER_SECONDS = 1;

/** Starts the guard and resolves once it listens. */
export async function startPrismGuard(options: PrismGuardOptions): Promise<PrismGuard> {
  const agent = new Agent({ keepAlive: true });
  const server = createServer((req, res) => handle(options, agent, req, res));
  // The same leniency as Prism's own server, which Node also runs: no extra limits of ours.
  server.keepAliveTimeout = 5000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : options.port;
  return { port, close: () => closeServer(server, agent) };
}

function handle(options: PrismGuardOptions, agent: Agent, req: IncomingMessage, res: ServerResponse): void {
  const url = req.url ?? '/';
  const method = (req.method ?? 'GET').toUpperCase();
  if (options.upstream.port === 0) {
    const answer = startingAnswer(options.spec(), method, url);
    options.onLine(`${method} ${url.slice(0, 200)}: Prism is still starting, answered ${answer.status} with Retry-After`);
    req.resume();
    send(req, res, answer);
    return;
  }
  if (!decodable(url)) {
    const answer = specErrorAnswer(options.spec(), method, url);
    options.onLine(`${method} ${url.slice(0, 200)}: broken percent-encoding, answered ${answer.status} from the spec`);
    req.resume();
    send(req, res, answer);
    return;
  }
  const upstream = httpRequest(
    { host: options.upstream.host, port: options.upstream.port, method: req.method, path: url, headers: withoutHopByHop(req.rawHeaders), agent, setHost: false },
    (prismRes) => {
      const status = prismRes.statusCode ?? 502;
      if (status !== 400 || !/json/i.test(prismRes.headers['content-type'] ?? '')) {
        res.writeHead(status, prismRes.statusMessage, withoutHopByHop(prismRes.rawHeaders));
        prismRes.pipe(res);
        return;
      }
      // A 400 is small: read it whole to tell Prism's own body-parser answer from a spec example.
      const chunks: Buffer[] = [];
      prismRes.on('data', (chunk: Buffer) => chunks.push(chunk));
      prismRes.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        if (isBodyParserError(text)) {
          const answer = specErrorAnswer(options.spec(), method, url);
          send(req, res, answer);
          return;
        }
        res.writeHead(status, prismRes.statusMessage, withoutHopByHop(prismRes.rawHeaders));
        res.end(Buffer.concat(chunks));
      });
      prismRes.on('error', () => res.destroy());
    },
  );
  upstream.on('error', (error) => {
    options.onLine(`${method} ${url.slice(0, 200)}: Prism did not answer (${error.message})`);
    if (!res.headersSent) res.writeHead(502).end();
    else res.destroy();
  });
  req.pipe(upstream);
  req.on('error', () => upstream.destroy());
  // A client that goes away mid-answer must not leave Prism's reply (and its socket) half read.
  res.on('close', () => {
    if (!res.writableFinished) upstream.destroy();
  });
}

/** Whether every percent-escape of the URL's path and query decodes (as UTF-8). */
export function decodable(url: string): boolean {
  try {
    decodeURIComponent(url.replace(/#.*$/, ''));
    return true;
  } catch {
    return false;
  }
}

/** `{"error":{"code":"invalid_json"|"invalid_body","message":…}}`: micri's answer, in no API's format. */
export function isBodyParserError(text: string): boolean {
  try {
    const body = JSON.parse(text) as { error?: { code?: unknown; message?: unknown } };
    const error = body?.error;
    return (
      typeof body === 'object' &&
      body !== null &&
      Object.keys(body).length === 1 &&
      typeof error === 'object' &&
      error !== null &&
      Object.keys(error).sort().join() === 'code,message' &&
      (error.code === 'invalid_json' || error.code === 'invalid_body')
    );
  } catch {
    return false;
  }
}

/**
 * The 400 answer for a request to `url` from the spec: the first named example of the matched
 * operation's 400, else of its 404 (still served as 400: the request is malformed), else the first
 * 400 example of any operation, else an empty 400.
 */
export function specErrorAnswer(spec: SpecDocument, method: string, url: string): ExampleAnswer {
  return exampleAnswer(spec, method, url, [400, 404]);
}

/**
 * The answer while Prism starts: the first named example of the matched operation's 503, else the
 * first 503 example of any operation, with the headers that example's response gives examples of.
 * `Retry-After` is always sent: the example's own value, so that it agrees with the body's text (as
 * Prism serves that scenario), else one second.
 */
export function startingAnswer(spec: SpecDocument, method: string, url: string): ExampleAnswer {
  const answer = exampleAnswer(spec, method, url, [503]);
  return { ...answer, headers: { 'retry-after': String(STARTING_RETRY_AFTER_SECONDS), ...answer.headers } };
}

/**
 * Served as `statuses[0]`: the first example of the matched operation among `statuses` (in that
 * order), else the first `statuses[0]` example of any operation, else an empty body.
 */
function exampleAnswer(spec: SpecDocument, method: string, url: string, statuses: readonly [number, ...number[]]): ExampleAnswer {
  const status = statuses[0];
  const operations = operationScenarios(spec);
  const matched = matchOperation(operations, serverBasePath(spec), method, url);
  const firstExample = (operation: OperationScenarios | undefined, wanted: number) =>
    operation?.scenarios.find((scenario) => scenario.status === wanted && scenario.example !== undefined);
  const example =
    statuses.map((wanted) => firstExample(matched, wanted)).find((scenario) => scenario !== undefined) ??
    operations.map((operation) => firstExample(operation, status)).find((scenario) => scenario !== undefined);
  if (example === undefined) return { status, mediaType: undefined, body: '' };
  const answer: ExampleAnswer = { status, mediaType: example.mediaType, body: JSON.stringify(example.body) };
  const headers = Object.entries(example.headers);
  return headers.length === 0 ? answer : { ...answer, headers: Object.fromEntries(headers.map(([name, value]) => [name.toLowerCase(), value])) };
}

/**
 * The operation a request addresses, by method and raw path segments: a literal segment must match
 * exactly, a `{parameter}` matches any segment; concrete paths win over templated ones (OpenAPI's
 * rule). Undefined when no path declares the method.
 */
export function matchOperation(operations: readonly OperationScenarios[], basePath: string, method: string, url: string): OperationScenarios | undefined {
  const rawPath = url.replace(/[?#].*$/, '');
  if (!rawPath.startsWith(`${basePath}/`) && rawPath !== basePath) return undefined;
  const segments = rawPath.slice(basePath.length).split('/');
  const candidates = operations
    .filter((operation) => operation.method === method.toUpperCase())
    .map((operation) => ({ operation, template: operation.path.split('/') }))
    .filter(({ template }) => template.length === segments.length && template.every((part, i) => /^\{[^}]+\}$/.test(part) || part === segments[i]))
    .sort((a, b) => literals(b.template) - literals(a.template));
  return candidates[0]?.operation;
}

const literals = (template: readonly string[]) => template.filter((part) => !/^\{[^}]+\}$/.test(part)).length;

function send(req: IncomingMessage, res: ServerResponse, answer: ExampleAnswer): void {
  const headers: Record<string, string | number> = {
    // What Prism's --cors adds to every answer, so a browser can read this one too.
    'access-control-allow-origin': req.headers.origin ?? '*',
    'access-control-allow-headers': req.headers['access-control-request-headers'] ?? '*',
    'access-control-allow-credentials': 'true',
    'access-control-expose-headers': '*',
    'content-length': Buffer.byteLength(answer.body),
    ...answer.headers,
  };
  if (answer.mediaType !== undefined) headers['content-type'] = answer.mediaType;
  res.writeHead(answer.status, headers).end(answer.body);
}

const hopByHop = new Set(['connection', 'keep-alive', 'proxy-connection', 'upgrade']);

/**
 * Raw headers without the per-connection ones, which each hop sets for itself. Transfer-Encoding
 * stays: Node frames a message as chunked itself when it sees that header.
 */
function withoutHopByHop(raw: readonly string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i + 1 < raw.length; i += 2) {
    if (!hopByHop.has(raw[i]!.toLowerCase())) out.push(raw[i]!, raw[i + 1]!);
  }
  return out;
}

async function closeServer(server: Server, agent: Agent): Promise<void> {
  agent.destroy();
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
}
