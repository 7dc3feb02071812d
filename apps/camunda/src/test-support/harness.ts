/** Builds the app on a real store for handler tests, with a typed client and leak checks. Test-only. */
import createClient, { type Client } from 'openapi-fetch';
import { expect } from 'vitest';
import { Argon2idPasswordHasher, type PasswordHasher } from '@repo/auth';
import { captureLogger } from '@repo/test-kit';
import type { paths } from '@repo/specs/camunda';
import { createApp, type AppDeps } from '../app.ts';
import { USER_MANAGEMENT } from '../services/principal.ts';
import { SqlUserStore } from '../stores/sql-user-store.ts';
import type { UserStore } from '../stores/user-store.ts';

export const ADMIN = { username: 'admin', password: 'admin-Passw0rd!' } as const;
export const BASE_URL = 'http://localhost/v2';

/** argon2id at minimal cost: the same code path, a fraction of a millisecond per hash. */
export function cheapHasher(): PasswordHasher {
  return new Argon2idPasswordHasher({ memoryCost: 64, timeCost: 1, parallelism: 1 });
}

export interface HarnessOptions {
  /** Defaults to an in-memory SQLite store. */
  store?: UserStore;
  hasher?: PasswordHasher;
  /** Overrides of the app's dependencies (docs, CORS, limits, …). */
  deps?: Partial<AppDeps>;
  /** Create the admin (default true). */
  withAdmin?: boolean;
  /** Store methods that reject once the admin exists, to drive the 500 path. */
  failing?: (keyof UserStore)[];
  /** What the `failing` methods reject with; default a plain error (a bug: 500). */
  failure?: () => Error;
}

/** Raw bodies of the responses the harness handed out (openapi-fetch consumes the bodies). */
const rawBodies = new WeakMap<Response, string>();

export type Harness = Awaited<ReturnType<typeof createHarness>>;

/**
 * The app with response validation `throw` (a response off the spec fails the test), a captured
 * logger, and every raw response body kept so that {@link Harness.assertNoSecretsLeaked} can check
 * that no password or hash ever left the server.
 */
export async function createHarness(options: HarnessOptions = {}) {
  const realStore = options.store ?? (await SqlUserStore.open({ inMemory: true, dataDir: 'unused', fileName: 'unused' }));
  const hasher = options.hasher ?? cheapHasher();
  const log = captureLogger('debug');
  const secrets = new Set<string>([ADMIN.password]);
  if (options.withAdmin ?? true) {
    await realStore.create({ username: ADMIN.username, name: '', email: '', passwordHash: await hasher.hash(ADMIN.password), permissions: [USER_MANAGEMENT] });
  }
  const store = options.failing ? failingStore(realStore, options.failing, options.failure) : realStore;
  const { app, api } = createApp({
    store,
    hasher,
    logger: log.logger,
    responseValidation: 'throw',
    authCacheSeconds: 300,
    bodyLimitBytes: 65_536,
    ...options.deps,
  });
  const bodies: string[] = [];

  /** Sends a request to the app (no port) and keeps the raw body. */
  async function send(request: Request): Promise<Response> {
    const response = await app.request(request);
    const text = await response.text();
    bodies.push(text);
    const copy = new Response(response.status === 204 ? null : text, response);
    rawBodies.set(copy, text);
    return copy;
  }

  /** A typed client authenticating as `username` (no Authorization header when `password` is undefined). */
  function client(username?: string, password?: string): Client<paths> {
    if (password !== undefined) secrets.add(password);
    const headers: Record<string, string> =
      username === undefined ? {} : { authorization: `Basic ${Buffer.from(`${username}:${password ?? ''}`).toString('base64')}` };
    return createClient<paths>({ baseUrl: BASE_URL, fetch: send, headers });
  }

  /** Creates a user through the API as the admin and returns its key. */
  async function createUser(username: string, password = `${username}-Passw0rd`, extra: { name?: string; email?: string } = {}) {
    const { data, response } = await client(ADMIN.username, ADMIN.password).POST('/users', { body: { username, password, ...extra } });
    expect(response.status).toBe(202);
    return data!.userKey;
  }

  return {
    app,
    api,
    store,
    hasher,
    log,
    send,
    client,
    admin: () => client(ADMIN.username, ADMIN.password),
    createUser,
    /** Remembers a password the test sent some other way, for the leak check. */
    addSecret: (secret: string) => secrets.add(secret),
    /** No response body held a password we know of, or anything that looks like an argon2 hash. */
    assertNoSecretsLeaked() {
      for (const body of bodies) {
        expect(body).not.toMatch(/\$argon2/);
        for (const secret of secrets) expect(body).not.toContain(secret);
      }
      const logText = log.text();
      for (const secret of secrets) expect(logText).not.toContain(secret);
      expect(logText).not.toMatch(/Basic [A-Za-z0-9+/=]{8,}/);
    },
    close: () => realStore.close(),
  };
}

/**
 * Asserts an RFC 9457 problem as the spec's ProblemDetail declares it (with `instance` the absolute
 * URI of the request, `path` below the test origin) and returns its body.
 */
export async function expectProblem(response: Response, status: number, expected: { title?: string; path?: string } = {}) {
  expect(response.status).toBe(status);
  expect(response.headers.get('content-type')).toBe('application/problem+json');
  const body = JSON.parse(rawBodies.get(response) ?? (await response.clone().text())) as { type: string; title: string; status: number; detail: string; instance: string };
  expect(body).toEqual({
    type: 'about:blank',
    title: expected.title ?? expect.any(String),
    status,
    detail: expect.any(String),
    instance: expected.path === undefined ? expect.stringMatching(/^http:\/\/localhost\//) : `http://localhost${expected.path}`,
  });
  return body;
}

/** A store whose named methods reject, to drive the 500 path. */
export function failingStore(
  store: UserStore,
  methods: (keyof UserStore)[],
  failure = () => new Error('database exploded: SELECT secret FROM internals'),
): UserStore {
  return new Proxy(store, {
    get(target, property, receiver) {
      if (methods.includes(property as keyof UserStore)) {
        return () => Promise.reject(failure());
      }
      const value: unknown = Reflect.get(target, property, receiver);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}
