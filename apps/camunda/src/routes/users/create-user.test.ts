import { afterEach, describe, expect, it } from 'vitest';
import { Argon2idPasswordHasher } from '@repo/auth';
import { validationCases } from '@repo/specs/validation-cases';
import { ADMIN, createTestApp, expectProblem, type TestApp } from '../../testing/test-app.ts';

const PATH = '/v2/users';
let h: TestApp;
afterEach(async () => {
  h.assertNoSecretsLeaked();
  await h.close();
});

describe('createUser (POST /users)', () => {
  it('returns 202 with a safe-integer userKey and stores the user without permissions', async () => {
    h = await createTestApp();
    const { data, response } = await h.admin().POST('/users', {
      body: { username: 'jdoe', password: 's3cr3t-Passw0rd', name: 'Jane Doe', email: 'jane.doe@example.com' },
    });
    expect(response.status).toBe(202);
    expect(response.headers.get('content-type')).toBe('application/json');
    expect(Number.isSafeInteger(data!.userKey)).toBe(true);
    expect(await h.store.findByUsername('jdoe')).toMatchObject({ key: data!.userKey, name: 'Jane Doe', email: 'jane.doe@example.com', permissions: [] });
  });

  it('accepts username and password alone', async () => {
    h = await createTestApp();
    const { response } = await h.admin().POST('/users', { body: { username: 'min', password: 'x' } });
    expect(response.status).toBe(202);
  });

  it('stores an argon2id hash with the OWASP parameters, never the password', async () => {
    h = await createTestApp({ hasher: new Argon2idPasswordHasher() });
    await h.createUser('owasp', 'owasp-Passw0rd');
    const stored = await h.store.findByUsername('owasp');
    expect(stored!.passwordHash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(stored!.passwordHash).not.toContain('owasp-Passw0rd');
    expect(await h.hasher.verify(stored!.passwordHash, 'owasp-Passw0rd')).toBe(true);
  });

  it('lets the new user authenticate with the password', async () => {
    h = await createTestApp();
    await h.createUser('jdoe', 'jdoe-Passw0rd');
    // Authenticated (so not 401), but without user-management (so 403).
    const { response } = await h.client('jdoe', 'jdoe-Passw0rd').POST('/users/search', { body: {} });
    expect(response.status).toBe(403);
  });

  it('returns 409 when the username is taken', async () => {
    h = await createTestApp();
    await h.createUser('jdoe');
    const { response } = await h.admin().POST('/users', { body: { username: 'jdoe', password: 'another-Passw0rd' } });
    const problem = await expectProblem(response, 409, { title: 'ALREADY_EXISTS', path: PATH });
    expect(problem.detail).toContain("'jdoe'");
  });

  describe('400', () => {
    it.each(validationCases.filter((c) => c.api === 'camunda' && c.schema === 'UserRequest' && c.valid))('accepts $name', async ({ value }) => {
      h = await createTestApp();
      const { response } = await h.admin().POST('/users', { body: value as never });
      expect(response.status).toBe(202);
    });

    it.each(validationCases.filter((c) => c.api === 'camunda' && c.schema === 'UserRequest' && !c.valid))('refuses $name, naming $key', async ({ value, key }) => {
      h = await createTestApp();
      const { response } = await h.admin().POST('/users', { body: value as never });
      expect((await expectProblem(response, 400, { title: 'INVALID_ARGUMENT', path: PATH })).detail).toContain(key);
    });

    it('says "No password provided." as upstream does', async () => {
      h = await createTestApp();
      const { response } = await h.admin().POST('/users', { body: { username: 'jdoe' } as never });
      expect((await expectProblem(response, 400)).detail).toBe('No password provided.');
    });

    it('names every offending field, never echoing the password', async () => {
      h = await createTestApp();
      const password = 'x'.repeat(1025);
      h.addSecret(password);
      const { response } = await h.admin().POST('/users', { body: { username: '', password, email: 'not-an-email' } });
      const { detail } = await expectProblem(response, 400, { title: 'INVALID_ARGUMENT' });
      expect(detail).toMatch(/username/);
      expect(detail).toMatch(/password/);
      expect(detail).toMatch(/email/);
    });

    it('rejects a body that is not JSON', async () => {
      h = await createTestApp();
      const response = await h.send(
        new Request(`http://localhost${PATH}`, {
          method: 'POST',
          headers: { authorization: basic(ADMIN), 'content-type': 'application/json' },
          body: '{"username":"u","password":"pw-never-echoed"',
        }),
      );
      await expectProblem(response, 400, { title: 'INVALID_ARGUMENT', path: PATH });
    });

    it('rejects a missing body', async () => {
      h = await createTestApp();
      const response = await h.send(new Request(`http://localhost${PATH}`, { method: 'POST', headers: { authorization: basic(ADMIN) } }));
      await expectProblem(response, 400, { title: 'INVALID_ARGUMENT' });
    });
  });

  it('returns 413 for a body over the limit', async () => {
    h = await createTestApp({ config: { bodyLimitBytes: 1024 } });
    const response = await h.send(
      new Request(`http://localhost${PATH}`, {
        method: 'POST',
        headers: { authorization: basic(ADMIN), 'content-type': 'application/json' },
        body: JSON.stringify({ username: 'u', password: 'p', name: 'n'.repeat(2000) }),
      }),
    );
    await expectProblem(response, 413, { title: 'PAYLOAD_TOO_LARGE', path: PATH });
  });

  it('returns 415 for a body that is not application/json', async () => {
    h = await createTestApp();
    const response = await h.send(
      new Request(`http://localhost${PATH}`, { method: 'POST', headers: { authorization: basic(ADMIN), 'content-type': 'text/plain' }, body: 'u:p' }),
    );
    await expectProblem(response, 415, { title: 'UNSUPPORTED_MEDIA_TYPE', path: PATH });
  });

  describe('401', () => {
    it('asks for basic credentials when there are none', async () => {
      h = await createTestApp();
      const { response } = await h.client().POST('/users', { body: { username: 'u', password: 'pw-never-echoed' } });
      const problem = await expectProblem(response, 401, { title: 'UNAUTHORIZED', path: PATH });
      expect(problem.detail).toBe('Full authentication is required to access this resource.');
      expect(response.headers.get('www-authenticate')).toMatch(/^Basic realm="camunda"/);
    });

    it('refuses a wrong password and an unknown user alike', async () => {
      h = await createTestApp();
      const wrong = await h.client(ADMIN.username, 'wrong-password').POST('/users', { body: { username: 'u', password: 'pw-never-echoed' } });
      const unknown = await h.client('nobody', 'wrong-password').POST('/users', { body: { username: 'u', password: 'pw-never-echoed' } });
      const a = await expectProblem(wrong.response, 401, { title: 'UNAUTHORIZED' });
      const b = await expectProblem(unknown.response, 401, { title: 'UNAUTHORIZED' });
      expect(a.detail).toBe('Bad credentials.');
      expect(b.detail).toBe(a.detail);
      expect(unknown.response.headers.get('www-authenticate')).toMatch(/^Basic realm="camunda"/);
      expect(await h.store.findByUsername('u')).toBeUndefined();
    });
  });

  it('returns 403 for a user without user-management, and creates nothing', async () => {
    h = await createTestApp();
    await h.createUser('plain', 'plain-Passw0rd');
    const { response } = await h.client('plain', 'plain-Passw0rd').POST('/users', { body: { username: 'other', password: 'pw-never-echoed' } });
    const problem = await expectProblem(response, 403, { title: 'FORBIDDEN', path: PATH });
    expect(problem.detail).toBe("Insufficient permissions to perform operation 'CREATE' on resource 'USER'.");
    expect(await h.store.findByUsername('other')).toBeUndefined();
  });

  it('returns 403, not 400, to a user without user-management whose body is invalid', async () => {
    h = await createTestApp();
    await h.createUser('plain', 'plain-Passw0rd');
    const { response } = await h.client('plain', 'plain-Passw0rd').POST('/users', { body: { username: '', role: 'admin' } as never });
    const problem = await expectProblem(response, 403, { title: 'FORBIDDEN', path: PATH });
    expect(problem.detail).not.toMatch(/username|role/);
  });

  it('returns 500 with the request id, no internals, and logs the same id', async () => {
    h = await createTestApp({ failing: ['create'] });
    const { response } = await h.admin().POST('/users', { body: { username: 'u', password: 'pw-never-echoed' } });
    const problem = await expectProblem(response, 500, { title: 'INTERNAL', path: PATH });
    const requestId = response.headers.get('x-request-id')!;
    expect(requestId).toBeTruthy();
    expect(problem.detail).toContain(requestId);
    expect(JSON.stringify(problem)).not.toMatch(/exploded|SELECT|\bat \S+:\d+|Error/);
    const lines = h.log.lines.filter((line) => line['requestId'] === requestId);
    expect(lines.some((line) => line['msg'] === 'unhandled error while serving a request')).toBe(true);
    expect(lines.some((line) => line['status'] === 500)).toBe(true);
  });
});

function basic({ username, password }: { username: string; password: string }): string {
  return `Basic ${Buffer.from(`${username}:${password}`).toString('base64')}`;
}
