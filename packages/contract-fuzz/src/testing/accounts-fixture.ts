/**
 * A spec and an in-process server with own-account operations (`x-acts-on-caller: true`): the
 * caller changes its password or removes itself. Sent as the authorised caller, the first valid
 * one locks the run out; the tests of disposable callers check that it never is. The server
 * records who authenticated for each operation.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createSpecValidator } from '../schema/spec-ajv.ts';
import type { FuzzCredentials } from '../types.ts';

const problemResponse = (description: string) => ({
  description,
  content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } },
});

export const accountsSpec = {
  openapi: '3.1.0',
  info: { title: 'accounts', version: '1' },
  security: [{ basic: [] }],
  paths: {
    '/me': {
      get: {
        operationId: 'getMe',
        responses: {
          '200': { description: 'the caller', content: { 'application/json': { schema: { $ref: '#/components/schemas/Me' } } } },
          '401': problemResponse('unauthorised'),
        },
      },
      delete: {
        operationId: 'removeMe',
        'x-acts-on-caller': true,
        responses: { '204': { description: 'removed' }, '401': problemResponse('unauthorised') },
      },
    },
    '/me/password': {
      put: {
        operationId: 'changeMyPassword',
        'x-acts-on-caller': true,
        requestBody: { required: true, content: { 'application/json': { schema: { $ref: '#/components/schemas/PasswordChange' } } } },
        responses: {
          '204': { description: 'changed' },
          '400': problemResponse('bad request'),
          '401': problemResponse('unauthorised, or a wrong old password'),
          '413': problemResponse('body too large'),
          '415': problemResponse('not JSON'),
        },
      },
    },
  },
  components: {
    securitySchemes: { basic: { type: 'http', scheme: 'basic' } },
    schemas: {
      Me: { type: 'object', required: ['username'], properties: { username: { type: 'string' } }, additionalProperties: false },
      PasswordChange: {
        type: 'object',
        required: ['oldPassword', 'newPassword'],
        properties: { oldPassword: { type: 'string', maxLength: 20 }, newPassword: { type: 'string', minLength: 8, maxLength: 20 } },
        additionalProperties: false,
      },
      Problem: { type: 'object', required: ['title'], properties: { title: { type: 'string' }, status: { type: 'integer' } } },
    },
  },
} as const;

/** The running server, its accounts and what it saw. */
export interface AccountsServer {
  readonly baseUrl: string;
  /** username → password; starts with `admin`. */
  readonly accounts: Map<string, string>;
  /** Every authenticated request: operation and username. */
  readonly authenticated: Array<{ readonly operationId: string; readonly username: string }>;
  /** Adds an account the way a `disposableCaller` would (through an admin API, here directly). */
  addAccount(): FuzzCredentials;
  close(): Promise<void>;
}

export const accountsAdmin: FuzzCredentials = { username: 'admin', password: 'admin-secret' };

function problem(res: ServerResponse, status: number, title: string, headers: Record<string, string> = {}): void {
  res.writeHead(status, { 'content-type': 'application/problem+json', ...headers });
  res.end(JSON.stringify({ title, status }));
}

const badString = /\u0000|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/**
 * `junkAfterBase64`: a deliberate defect, once a real one of ours: basic credentials with junk
 * after valid base64 are accepted (Node's base64 decoder stops at the junk).
 */
export async function startAccountsServer(defects: { junkAfterBase64?: boolean } = {}): Promise<AccountsServer> {
  const validator = createSpecValidator(accountsSpec);
  const accounts = new Map([[accountsAdmin.username, accountsAdmin.password]]);
  const authenticated: AccountsServer['authenticated'] = [];
  let next = 1;
  const caller = (req: IncomingMessage): string | undefined => {
    const match = (defects.junkAfterBase64 === true ? /^Basic ([A-Za-z0-9+/]*={0,2})/ : /^Basic ([A-Za-z0-9+/]*={0,2})$/).exec(req.headers.authorization ?? '');
    if (match === null) return undefined;
    const decoded = Buffer.from(match[1]!, 'base64').toString('utf8');
    const colon = decoded.indexOf(':');
    if (colon < 0) return undefined;
    const [username, password] = [decoded.slice(0, colon), decoded.slice(colon + 1)];
    return accounts.get(username) === password ? username : undefined;
  };
  const handle = (req: IncomingMessage, res: ServerResponse, body: Buffer): void => {
    const path = (req.url ?? '/').split('?')[0];
    const allowed = path === '/me' ? ['GET', 'DELETE'] : path === '/me/password' ? ['PUT'] : undefined;
    if (allowed === undefined) return problem(res, 404, 'no route');
    if (!allowed.includes(req.method ?? '')) return problem(res, 405, 'method not allowed', { allow: allowed.join(', ') });
    const username = caller(req);
    if (username === undefined) return problem(res, 401, 'unauthorised', { 'www-authenticate': 'Basic realm="accounts"' });
    const operationId = path === '/me/password' ? 'changeMyPassword' : req.method === 'GET' ? 'getMe' : 'removeMe';
    authenticated.push({ operationId, username });
    if (operationId === 'getMe') {
      res.writeHead(200, { 'content-type': 'application/json' });
      return void res.end(JSON.stringify({ username }));
    }
    if (operationId === 'removeMe') {
      accounts.delete(username);
      return void res.writeHead(204).end();
    }
    if (body.length > 64 * 1024) return problem(res, 413, 'too large');
    const type = (req.headers['content-type'] ?? '').toLowerCase().replaceAll(' ', '');
    if (type !== 'application/json' && type !== 'application/json;charset=utf-8') return problem(res, 415, 'unsupported media type');
    let value: unknown;
    try {
      value = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(body));
    } catch {
      return problem(res, 400, 'not JSON');
    }
    if (!validator.validate('#/components/schemas/PasswordChange', value)) return problem(res, 400, 'invalid');
    const change = value as { oldPassword: string; newPassword: string };
    if (badString.test(change.oldPassword) || badString.test(change.newPassword)) return problem(res, 400, 'bad characters');
    if (change.oldPassword !== accounts.get(username)) return problem(res, 401, 'wrong old password');
    accounts.set(username, change.newPassword);
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
    accounts,
    authenticated,
    addAccount: () => {
      const credentials = { username: `spare${next++}`, password: `spare-secret-${next}` };
      accounts.set(credentials.username, credentials.password);
      return credentials;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
