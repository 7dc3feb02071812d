import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Argon2idPasswordHasher } from '@repo/auth';
import { validationCases } from '@repo/specs/validation-cases';
import { createBrokenApp, expectInternalError } from '../../testing/internal-error.ts';
import { ADMIN, BASE_URL, basicAuth, createTestApp, type TestApp } from '../../testing/test-app.ts';

const rudolf = { fullName: 'Rudolf Lingens', username: 'r.lingens', password: 'lS1c6FD2mxB2ff' };

/** Which field a field-specific id names; those ids carry no `details`, as upstream. */
const fieldOfId: Record<string, string> = { badValueUsername: 'username', badValueFullName: 'fullName', badValuePassword: 'password' };

describe('create_user', () => {
  let t: TestApp;
  beforeEach(async () => {
    t = await createTestApp();
  });
  afterEach(() => t.close());

  it('answers 201 without a body and an absolute Location on which get_user answers 200', async () => {
    const { response } = await t.admin.POST('/users', { body: rudolf });
    expect(response.status).toBe(201);
    expect(await response.text()).toBe('');
    const location = response.headers.get('location') ?? '';
    expect(location).toMatch(new RegExp(`^${BASE_URL}/users/[0-9a-f]{32}$`));
    const fetched = await t.app.request(location, { headers: { Authorization: basicAuth(ADMIN.username, ADMIN.password) } });
    expect(fetched.status).toBe(200);
    expect(await fetched.json()).toEqual({
      userId: location.split('/').pop(),
      fullName: 'Rudolf Lingens',
      username: 'r.lingens',
      linkedAccounts: [],
      emails: [],
      basicAuthEnabled: true,
      blocked: false,
      creationTime: expect.any(Number),
    });
  });

  it('builds Location from PUBLIC_BASE_URL when it is set', async () => {
    const proxied = await createTestApp({ config: { publicBaseUrl: 'https://onezone.example.com' } });
    const { response } = await proxied.admin.POST('/users', { body: rudolf });
    expect(response.headers.get('location')).toMatch(/^https:\/\/onezone\.example\.com\/api\/v3\/onezone\/users\/[0-9a-f]{32}$/);
    await proxied.close();
  });

  // Over a real socket a client-sent Host is only kept when it names the listening address
  // (packages/http's public-origin.test.ts, tests/contract/text-and-origin.test.ts); app.request has none.
  it('builds Location from the request URL under app.request when PUBLIC_BASE_URL is unset', async () => {
    const response = await t.app.request('http://127.0.0.1:9999/api/v3/onezone/users', {
      method: 'POST',
      headers: { Authorization: basicAuth(ADMIN.username, ADMIN.password), 'Content-Type': 'application/json' },
      body: JSON.stringify(rudolf),
    });
    expect(response.headers.get('location')).toMatch(/^http:\/\/127\.0\.0\.1:9999\/api\/v3\/onezone\/users\/[0-9a-f]{32}$/);
  });

  it('creates a user from {} named "Unnamed User", without username and password login', async () => {
    const id = await t.createUser({});
    const { data } = await t.admin.GET('/users/{id}', { params: { path: { id } } });
    expect(data).toMatchObject({ userId: id, fullName: 'Unnamed User', username: null, basicAuthEnabled: false });
  });

  it('creates a user without a password who exists but cannot sign in', async () => {
    const id = await t.createUser({ username: 'no.password', fullName: 'No Password' });
    const { data } = await t.admin.GET('/users/{id}', { params: { path: { id } } });
    expect(data).toMatchObject({ username: 'no.password', basicAuthEnabled: false });
    const { response, error } = await t.client({ username: 'no.password', password: '' }).GET('/user');
    expect(response.status).toBe(401);
    expect(error?.error.id).toBe('unauthorized');
  });

  it('creates a user with a password who can sign in', async () => {
    const id = await t.createUser(rudolf);
    const { data } = await t.client(rudolf).GET('/user');
    expect(data?.userId).toBe(id);
  });

  it('ignores unknown keys', async () => {
    const id = await t.createUser({ ...rudolf, nickname: 'Rudi', age: 47 } as typeof rudolf);
    const { data } = await t.admin.GET('/users/{id}', { params: { path: { id } } });
    expect(data).toMatchObject({ username: 'r.lingens', fullName: 'Rudolf Lingens' });
    expect(data).not.toHaveProperty('nickname');
  });

  it('answers 400 badValueIdentifierOccupied {key: "username"} when the username is taken', async () => {
    await t.createUser(rudolf);
    const { response, error } = await t.admin.POST('/users', { body: { ...rudolf, fullName: 'Someone Else' } });
    expect(response.status).toBe(400);
    expect(error).toEqual({
      error: { id: 'badValueIdentifierOccupied', description: 'Bad value: provided identifier ("username") is already occupied.', details: { key: 'username' } },
    });
  });

  it('answers 400 badValueIdentifierOccupied for the admin username too', async () => {
    const { error } = await t.admin.POST('/users', { body: { username: ADMIN.username } });
    expect(error?.error.id).toBe('badValueIdentifierOccupied');
  });

  it('answers 400 malformedData for a body that is not JSON', async () => {
    const { response, error } = await t.admin.POST('/users', {
      body: '{"username": "r.lingens", "password": "lS1c6FD2mxB2ff"' as never,
      bodySerializer: (body: unknown) => body as string,
    });
    expect(response.status).toBe(400);
    expect(error).toEqual({ error: { id: 'malformedData', description: 'Provided data could not be understood by the server.' } });
  });

  it.each([
    ['a string', '"r.lingens"'],
    ['a number', '42'],
    ['null', 'null'],
    ['an empty body', ''],
  ])('answers 400 malformedData for %s instead of an object', async (_, raw) => {
    const { response, error } = await t.admin.POST('/users', { body: raw as never, bodySerializer: (body: unknown) => body as string });
    expect(response.status).toBe(400);
    expect(error?.error.id).toBe('malformedData');
  });

  it('answers 415 malformedData for a body that is not application/json', async () => {
    const response = await t.app.request(`${BASE_URL}/users`, {
      method: 'POST',
      headers: { Authorization: basicAuth(ADMIN.username, ADMIN.password), 'Content-Type': 'text/plain' },
      body: JSON.stringify(rudolf),
    });
    expect(response.status).toBe(415);
    expect(response.headers.get('content-type')).toBe('application/json');
    expect(((await response.json()) as { error: { id: string } }).error.id).toBe('malformedData');
  });

  it('answers 401 unauthorized with a Basic challenge without credentials', async () => {
    const { response, error } = await t.anonymous.POST('/users', { body: rudolf });
    expect(response.status).toBe(401);
    expect(response.headers.get('www-authenticate')).toMatch(/^Basic realm="onezone"/);
    expect(error).toEqual({ error: { id: 'unauthorized', description: 'You must authenticate yourself to perform this operation.' } });
  });

  it('answers 401 unauthorized with details.authError for a wrong password', async () => {
    const { response, error } = await t.client({ username: ADMIN.username, password: 'wrong-password' }).POST('/users', { body: rudolf });
    expect(response.status).toBe(401);
    expect(response.headers.get('www-authenticate')).toMatch(/^Basic realm="onezone"/);
    expect(error).toEqual({
      error: {
        id: 'unauthorized',
        description: 'Provided authentication is not valid (see details).',
        details: { authError: { id: 'badBasicCredentials', description: 'Invalid username or password.' } },
      },
    });
  });

  it('answers 401 for an unknown username, as for a wrong password', async () => {
    const { response, error } = await t.client({ username: 'nobody', password: 'whatever-password' }).POST('/users', { body: rudolf });
    expect(response.status).toBe(401);
    expect(error?.error.details?.authError?.id).toBe('badBasicCredentials');
  });

  it('answers 403 forbidden to a user without oz_users_create, and creates nothing', async () => {
    await t.createUser(rudolf);
    const { response, error } = await t.client(rudolf).POST('/users', { body: { username: 'other.user' } });
    expect(response.status).toBe(403);
    expect(error).toEqual({ error: { id: 'forbidden', description: 'You are not authorized to perform this operation.' } });
    expect(await t.store.findByUsername('other.user')).toBeUndefined();
  });

  it('answers 403 forbidden, not 400, to a user without oz_users_create whose body is invalid', async () => {
    await t.createUser(rudolf);
    const { response, error } = await t.client(rudolf).POST('/users', { body: { username: 'x', password: 'short', role: 'admin' } as never });
    expect(response.status).toBe(403);
    expect(error).toEqual({ error: { id: 'forbidden', description: 'You are not authorized to perform this operation.' } });
  });

  it('answers 500 internalServerError with the request id, no internals, and logs the same id', async () => {
    const broken = await createBrokenApp('create');
    const { response, error } = await broken.admin.POST('/users', { body: rudolf });
    expectInternalError(broken, response, error);
    await broken.close();
  });

  it('never puts the password or its hash into a response or the log', async () => {
    const { response } = await t.admin.POST('/users', { body: rudolf });
    const id = response.headers.get('location')?.split('/').pop() ?? '';
    const hash = (await t.store.findByUsername(rudolf.username))?.passwordHash ?? '';
    expect(hash).toMatch(/^\$argon2id\$/);
    const raws = await Promise.all(
      [`/users/${id}`, '/users', '/user'].map(async (path) => {
        const res = await t.app.request(`${BASE_URL}${path}`, { headers: { Authorization: basicAuth(rudolf.username, rudolf.password) } });
        return res.text();
      }),
    );
    const adminView = await (await t.app.request(`${BASE_URL}/users/${id}`, { headers: { Authorization: basicAuth(ADMIN.username, ADMIN.password) } })).text();
    for (const raw of [...raws, adminView, t.log.text()]) {
      expect(raw).not.toContain(rudolf.password);
      expect(raw).not.toContain(hash);
      expect(raw).not.toContain('$argon2id$');
    }
  });

  it('creates a user with the OWASP argon2id parameters', async () => {
    const owasp = await createTestApp({ hasher: new Argon2idPasswordHasher() });
    await owasp.createUser(rudolf);
    expect((await owasp.store.findByUsername(rudolf.username))?.passwordHash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    const { data } = await owasp.client(rudolf).GET('/user');
    expect(data?.username).toBe(rudolf.username);
    await owasp.close();
  });
});

describe('create_user against the shared validation table', () => {
  const cases = validationCases.filter((c) => c.api === 'onezone');
  let t: TestApp;
  beforeEach(async () => {
    t = await createTestApp();
  });
  afterEach(() => t.close());

  it.each(cases.filter((c) => c.valid).map((c) => [c.name, c] as const))('accepts %s', async (_, c) => {
    const { response } = await t.admin.POST('/users', { body: c.value as never });
    expect(response.status).toBe(201);
  });

  it.each(cases.filter((c) => !c.valid).map((c) => [c.name, c] as const))('refuses %s', async (_, c) => {
    const { response, error } = await t.admin.POST('/users', { body: c.value as never });
    expect(response.status).toBe(400);
    expect(error?.error.id).toBe(c.onezoneErrorId);
    const id = error?.error.id ?? '';
    if (id in fieldOfId) {
      expect(fieldOfId[id]).toBe(c.key);
      expect(error?.error.details).toBeUndefined();
    } else {
      expect(error?.error.details?.key).toBe(c.key);
    }
    expect(JSON.stringify(error)).not.toContain('lS1c6FD2mxB2ff');
  });
});
