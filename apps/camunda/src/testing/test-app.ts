/** The Camunda app on a real store for handler tests (the shared test kit), with typed clients and leak checks. Test-only. */
import type { Client } from 'openapi-fetch';
import { expect } from 'vitest';
import type { PasswordHasher, SignInThrottle } from '@repo/auth';
import { basicAuth, cheapHasher, createServiceTestApp } from '@repo/test-kit';
import { camundaSpec, type paths } from '@repo/specs/camunda';
import type { Config } from '../config.ts';
import { camundaService } from '../service.ts';
import { SqlUserStore } from '../stores/sql-user-store.ts';
import type { UserStore } from '../stores/user-store.ts';

export { cheapHasher };
export const ADMIN = { username: 'admin', password: 'admin-Passw0rd!' } as const;
export const BASE_URL = 'http://localhost/v2';

export interface TestAppOptions {
  /** Defaults to an in-memory SQLite store (or one wrapped to fail: the SQL store behind a proxy). */
  store?: UserStore;
  hasher?: PasswordHasher;
  /** Over the test defaults (`NODE_ENV=test`): CORS, limits, PUBLIC_BASE_URL, … */
  config?: Partial<Config>;
  signInThrottle?: SignInThrottle;
  docsFile?: string;
  /** Create the admin (default true). */
  withAdmin?: boolean;
  /** Store methods that reject once the admin exists, to drive the 500 path. */
  failing?: (keyof SqlUserStore)[];
  /** What the `failing` methods reject with; default a plain error (a bug: 500). */
  failure?: () => Error;
}

/** Raw bodies of the responses the harness handed out (openapi-fetch consumes the bodies). */
const rawBodies = new WeakMap<Response, string>();

export type TestApp = Awaited<ReturnType<typeof createTestApp>>;

/**
 * The app with response validation `throw` and every response checked against the spec (a
 * response off the spec fails the test), a captured logger, and every raw response body kept so
 * that {@link TestApp.assertNoSecretsLeaked} can check that no password or hash ever left the server.
 */
export async function createTestApp(options: TestAppOptions = {}) {
  const t = await createServiceTestApp<paths, Config, SqlUserStore, object>(camundaService, {
    spec: camundaSpec,
    extras: {},
    store: options.store as SqlUserStore | undefined,
    wrapStore: options.failing ? (store) => failingStore(store, options.failing ?? [], options.failure) : undefined,
    hasher: options.hasher,
    config: options.config,
    signInThrottle: options.signInThrottle,
    docsFile: options.docsFile,
    admin: options.withAdmin === false ? null : ADMIN,
  });
  const secrets = new Set<string>([ADMIN.password]);
  const bodies: string[] = [];

  /** Sends a request to the app (no port), checked against the spec, and keeps the raw body. */
  async function send(request: Request): Promise<Response> {
    const response = await t.send(request);
    const text = await response.text();
    bodies.push(text);
    const copy = new Response(response.status === 204 ? null : text, response);
    rawBodies.set(copy, text);
    return copy;
  }

  /** A typed client authenticating as `username` (no Authorization header when `username` is undefined). */
  function client(username?: string, password?: string): Client<paths> {
    if (password !== undefined) secrets.add(password);
    const headers: Record<string, string> = username === undefined ? {} : { authorization: basicAuth(username, password ?? '') };
    return t.client(headers, send);
  }

  /** Creates a user through the API as the admin and returns its key. */
  async function createUser(username: string, password = `${username}-Passw0rd`, extra: { name?: string; email?: string } = {}) {
    const { data, response } = await client(ADMIN.username, ADMIN.password).POST('/users', { body: { username, password, ...extra } });
    expect(response.status).toBe(202);
    return data!.userKey;
  }

  return {
    app: t.app,
    api: t.api,
    store: t.store as UserStore,
    hasher: t.hasher,
    log: t.log,
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
      const logText = t.log.text();
      for (const secret of secrets) expect(logText).not.toContain(secret);
      expect(logText).not.toMatch(/Basic [A-Za-z0-9+/=]{8,}/);
    },
    close: t.close,
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
export function failingStore<S extends object>(
  store: S,
  methods: (keyof S)[],
  failure = () => new Error('database exploded: SELECT secret FROM internals'),
): S {
  return new Proxy(store, {
    get(target, property, receiver) {
      if (methods.includes(property as keyof S)) {
        return () => Promise.reject(failure());
      }
      const value: unknown = Reflect.get(target, property, receiver);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}
