/**
 * An in-process server for {@link fixtureSpec}, correct in every respect but one deliberate defect:
 * a `name` with a character outside the Basic Multilingual Plane (valid data) gives 500. NUL, lone
 * surrogates and invalid UTF-8 give 400, as our servers do.
 * The end-to-end test must find that defect, shrink it and print its curl line.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createSpecValidator } from '../schema/spec-ajv.ts';
import { fixtureSpec } from './fixture-spec.ts';

export const fixtureCredentials = { username: 'admin', password: 'fixture-secret' } as const;
/** The public URL Location is built from (never the request's Host). */
const publicUrl = 'http://fixture.test';

export interface FixtureServer {
  readonly baseUrl: string;
  close(): Promise<void>;
}

function problem(res: ServerResponse, status: number, title: string, headers: Record<string, string> = {}): void {
  res.writeHead(status, { 'content-type': 'application/problem+json', ...headers });
  res.end(JSON.stringify({ title, status }));
}

function json(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  res.writeHead(status, { 'content-type': 'application/json', ...headers });
  res.end(JSON.stringify(body));
}

const badString = /\u0000|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

function hasBadString(value: unknown): boolean {
  if (typeof value === 'string') return badString.test(value);
  if (Array.isArray(value)) return value.some(hasBadString);
  if (value !== null && typeof value === 'object') return Object.values(value).some(hasBadString);
  return false;
}

export interface FixtureDefects {
  /** DELETE answers 204 but keeps the item (use_after_free must catch it). */
  readonly deleteKeepsItem?: boolean;
}

export async function startFixtureServer(defects: FixtureDefects = {}): Promise<FixtureServer> {
  const validator = createSpecValidator(fixtureSpec);
  const items = new Map<string, { id: string; name: string; count?: number }>();
  let next = 1;
  const handle = (req: IncomingMessage, res: ServerResponse, body: Buffer): void => {
    const expected = `Basic ${Buffer.from(`${fixtureCredentials.username}:${fixtureCredentials.password}`).toString('base64')}`;
    const rawPath = (req.url ?? '/').split('?')[0]!;
    const query = new URLSearchParams((req.url ?? '').split('?')[1] ?? '');
    let path: string;
    try {
      path = decodeURIComponent(rawPath);
    } catch {
      return problem(res, rawPath.startsWith('/items/') ? 400 : 404, 'bad path');
    }
    const itemMatch = /^\/items\/([^/]*)$/.exec(rawPath);
    const known = rawPath === '/items' ? ['GET', 'POST'] : itemMatch ? ['GET', 'DELETE'] : undefined;
    if (known === undefined) return problem(res, 404, 'no route');
    if (!known.includes(req.method ?? '')) return problem(res, 405, 'method not allowed', { allow: known.join(', ') });
    if (req.headers.authorization !== expected) return problem(res, 401, 'unauthorised', { 'www-authenticate': 'Basic realm="fixture"' });
    if (rawPath === '/items' && req.method === 'GET') {
      const limit = query.get('limit');
      if (limit !== null && !(/^\d+$/.test(limit) && Number(limit) >= 1 && Number(limit) <= 50)) return problem(res, 400, 'bad limit');
      return json(res, 200, { items: [...items.values()].slice(0, Number(limit ?? 50)) });
    }
    if (rawPath === '/items') {
      const type = (req.headers['content-type'] ?? '').toLowerCase().replaceAll(' ', '');
      if (type !== 'application/json' && type !== 'application/json;charset=utf-8') return problem(res, 415, 'unsupported media type');
      let value: unknown;
      try {
        value = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(body));
      } catch {
        return problem(res, 400, 'not JSON');
      }
      const name = (value as { name?: unknown } | null)?.name;
      // The deliberate defect.
      if (typeof name === 'string' && /[\u{10000}-\u{10ffff}]/u.test(name)) return problem(res, 500, 'boom');
      if (!validator.validate('#/components/schemas/ItemCreate', value)) return problem(res, 400, 'invalid');
      if (hasBadString(value)) return problem(res, 400, 'bad characters');
      const input = value as { name: string; count?: number };
      const id = `i${next++}`;
      const item = { id, name: input.name, ...(input.count === undefined ? {} : { count: input.count }) };
      items.set(id, item);
      return json(res, 201, item, { location: `${publicUrl}/items/${id}` });
    }
    const id = path.slice('/items/'.length);
    if (!/^[a-z0-9]{1,12}$/.test(id)) return problem(res, 400, 'bad id');
    if (!items.has(id)) return problem(res, 404, 'not found');
    if (req.method === 'GET') return json(res, 200, items.get(id));
    if (defects.deleteKeepsItem !== true) items.delete(id);
    res.writeHead(204).end();
  };
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => handle(req, res, Buffer.concat(chunks)));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
