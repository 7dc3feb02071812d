/** The Onezone app for handler tests (the shared test kit): in-memory SQLite, cheap argon2id, a captured log, spec-checked typed clients. */
import { randomBytes } from 'node:crypto';
import type { Client } from 'openapi-fetch';
import type { PasswordHasher, SignInThrottle } from '@repo/auth';
import { basicAuth, createServiceTestApp } from '@repo/test-kit';
import { onezoneSpec, type paths } from '@repo/specs/onezone';
import type { AppExtras } from '../app.ts';
import type { Config } from '../config.ts';
import { onezoneService } from '../service.ts';
import type { SqlUserStore } from '../stores/sql-user-store.ts';
import type { UserStore } from '../stores/user-store.ts';

export { basicAuth };
export const ADMIN = { username: 'admin', password: 'admin-password-1' } as const;
export const BASE_URL = 'http://localhost/api/v3/onezone';

export interface TestAppOptions {
  /** Default: a fresh in-memory SQLite store (or one wrapped to fail: the SQL store behind a proxy). */
  store?: UserStore;
  hasher?: PasswordHasher;
  config?: Partial<Config>;
  docsFile?: string;
  signInThrottle?: SignInThrottle;
  /** Default: a random key. */
  tokenKey?: Uint8Array;
}

/** A test app with the admin bootstrapped, and clients that talk to it without a port. */
export async function createTestApp(options: TestAppOptions = {}) {
  const t = await createServiceTestApp<paths, Config, SqlUserStore, AppExtras>(onezoneService, {
    spec: onezoneSpec,
    extras: { tokenKey: options.tokenKey ?? randomBytes(32) },
    store: options.store as SqlUserStore | undefined,
    hasher: options.hasher,
    config: options.config,
    signInThrottle: options.signInThrottle,
    docsFile: options.docsFile,
    admin: ADMIN,
  });
  /** A typed client; `credentials` null sends no Authorization header. */
  const client = (credentials: { username: string; password: string } | null): Client<paths> =>
    t.client(credentials === null ? {} : { Authorization: basicAuth(credentials.username, credentials.password) });
  /** A typed client that signs in with a client token, in `X-Auth-Token` or as `Authorization: Bearer`. */
  const tokenClient = (token: string, via: 'X-Auth-Token' | 'Bearer' = 'X-Auth-Token'): Client<paths> =>
    t.client(via === 'Bearer' ? { Authorization: `Bearer ${token}` } : { 'X-Auth-Token': token });
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
    app: t.app,
    api: t.api,
    store: t.store,
    hasher: t.hasher,
    log: t.log,
    client,
    tokenClient,
    admin: client(ADMIN),
    anonymous: client(null),
    createUser,
    createToken,
    close: t.close,
  };
}

export type TestApp = Awaited<ReturnType<typeof createTestApp>>;
