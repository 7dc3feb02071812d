/** Builds the app for handler tests: in-memory SQLite, cheap argon2id, a captured log, typed clients. */
import { randomBytes } from 'node:crypto';
import createClient, { type Client, type Middleware } from 'openapi-fetch';
import { Argon2idPasswordHasher, type PasswordHasher } from '@repo/auth';
import { captureLogger } from '@repo/test-kit';
import type { paths } from '@repo/specs/onezone';
import { createApp, type AppDeps } from '../app.ts';
import { bootstrapAdmin } from '@repo/auth';
import { adminAccounts } from '../services/admin-accounts.ts';
import { SqlUserStore } from '../stores/sql-user-store.ts';
import type { UserStore } from '../stores/user-store.ts';
import { responseViolations } from './spec-check.ts';

/** argon2id at a fraction of the OWASP cost: handler tests check behaviour, not hashing strength. */
export const CHEAP_ARGON2 = { memoryCost: 1024, timeCost: 1, parallelism: 1 } as const;

export const ADMIN = { username: 'admin', password: 'admin-password-1' } as const;
export const BASE_URL = 'http://localhost/api/v3/onezone';

export function basicAuth(username: string, password: string): string {
  return `Basic ${Buffer.from(`${username}:${password}`, 'utf8').toString('base64')}`;
}

/** Fails the request (and so the test) when a response breaks the spec. */
const specConformance: Middleware = {
  async onResponse({ request, response, schemaPath }) {
    const text = await response.clone().text();
    const violations = responseViolations(request.method, schemaPath, response.status, response.headers, text);
    if (violations.length > 0) throw new Error(`${request.method} ${schemaPath} → ${response.status} breaks the spec: ${violations.join('; ')}`);
    return undefined;
  },
};

export interface TestAppOptions {
  /** Default: a fresh in-memory SQLite store. */
  store?: UserStore;
  hasher?: PasswordHasher;
  config?: Partial<AppDeps['config']>;
  docsFile?: string;
  signInThrottle?: AppDeps['signInThrottle'];
  /** Default: a random key. */
  tokenKey?: Uint8Array;
}

/** A test app with the admin bootstrapped, and clients that talk to it without a port. */
export async function createTestApp(options: TestAppOptions = {}) {
  const store = options.store ?? (await SqlUserStore.open({ inMemory: true, dataDir: 'unused', fileName: 'unused' }));
  const hasher = options.hasher ?? new Argon2idPasswordHasher(CHEAP_ARGON2);
  const log = captureLogger('debug');
  await bootstrapAdmin(adminAccounts(store), hasher, ADMIN);
  const { app, api } = createApp({
    store,
    hasher,
    logger: log.logger,
    config: {
      corsOrigins: undefined,
      publicBaseUrl: undefined,
      responseValidation: 'throw',
      authCacheSeconds: 300,
      bodyLimitBytes: 65_536,
      ...options.config,
    },
    tokenKey: options.tokenKey ?? randomBytes(32),
    docsFile: options.docsFile,
    signInThrottle: options.signInThrottle,
  });
  /** A typed client; `credentials` null sends no Authorization header. */
  const client = (credentials: { username: string; password: string } | null): Client<paths> => {
    const c = createClient<paths>({
      baseUrl: BASE_URL,
      fetch: async (request) => app.request(request),
      headers: credentials === null ? {} : { Authorization: basicAuth(credentials.username, credentials.password) },
    });
    c.use(specConformance);
    return c;
  };
  /** A typed client that signs in with a client token, in `X-Auth-Token` or as `Authorization: Bearer`. */
  const tokenClient = (token: string, via: 'X-Auth-Token' | 'Bearer' = 'X-Auth-Token'): Client<paths> => {
    const c = createClient<paths>({
      baseUrl: BASE_URL,
      fetch: async (request) => app.request(request),
      headers: via === 'Bearer' ? { Authorization: `Bearer ${token}` } : { 'X-Auth-Token': token },
    });
    c.use(specConformance);
    return c;
  };
  /** Creates a client token for `credentials` through the API; returns it. */
  const createToken = async (credentials: { username: string; password: string }): Promise<string> => {
    const { data, response } = await client(credentials).POST('/user/client_tokens', {});
    if (data === undefined) throw new Error(`create_client_token answered ${response.status}`);
    return data.token;
  };
  /** Creates a user through the API as the admin; returns its id. */
  const createUser = async (body: paths['/users']['post']['requestBody']['content']['application/json']): Promise<string> => {
    const { response } = await client(ADMIN).POST('/users', { body });
    if (response.status !== 201) throw new Error(`create_user answered ${response.status}`);
    return (response.headers.get('location') ?? '').split('/').pop() ?? '';
  };
  return {
    app,
    api,
    store,
    hasher,
    log,
    client,
    tokenClient,
    admin: client(ADMIN),
    anonymous: client(null),
    createUser,
    createToken,
    close: () => store.close(),
  };
}

export type TestApp = Awaited<ReturnType<typeof createTestApp>>;
