import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { validationCases } from '@repo/specs/validation-cases';
import { createTestApp, expectProblem, type TestApp } from '../../testing/test-app.ts';

const PATH = '/v2/users/search';
let h: TestApp;
afterEach(async () => {
  h.assertNoSecretsLeaked();
  await h.close();
});

describe('searchUsers (POST /users/search)', () => {
  describe('200', () => {
    const keys: Record<string, number> = {};
    beforeEach(async () => {
      h = await createTestApp();
      // Created in this order: keys increase a → d.
      keys['a'] = await h.createUser('a', 'a-Passw0rd', { name: 'Same', email: 'x@example.com' });
      keys['b'] = await h.createUser('b', 'b-Passw0rd', { name: 'Zed' });
      keys['c'] = await h.createUser('c', 'c-Passw0rd', { name: 'Same', email: 'x@example.com' });
      keys['d'] = await h.createUser('d', 'd-Passw0rd', { name: 'Ann', email: 'd@example.com' });
    });
    const usernames = (data: { items: { username: string }[] } | undefined) => data!.items.map((i) => i.username);

    it('returns every user with key, username, name and email, and the total, without a body', async () => {
      const { data, response } = await h.admin().POST('/users/search');
      expect(response.status).toBe(200);
      expect(data!.page.totalItems).toBe(5);
      expect(data!.items.find((u) => u.username === 'a')).toEqual({ key: keys['a'], username: 'a', name: 'Same', email: 'x@example.com' });
      // An email that was never given is absent, not empty.
      expect(data!.items.find((u) => u.username === 'b')).toEqual({ key: keys['b'], username: 'b', name: 'Zed' });
    });

    it('never returns a password or a hash', async () => {
      const response = await h.send(
        new Request(`http://localhost${PATH}`, { method: 'POST', headers: { authorization: adminAuth() } }),
      );
      const text = await response.text();
      expect(text).not.toMatch(/password|argon2/i);
      for (const pw of ['a-Passw0rd', 'b-Passw0rd']) expect(text).not.toContain(pw);
    });

    it('filters by exact username, name and email', async () => {
      const admin = h.admin();
      expect(usernames((await admin.POST('/users/search', { body: { filter: { name: 'Same' } } })).data)).toEqual(['a', 'c']);
      expect(usernames((await admin.POST('/users/search', { body: { filter: { name: 'Same', username: 'c' } } })).data)).toEqual(['c']);
      expect(usernames((await admin.POST('/users/search', { body: { filter: { email: 'd@example.com' } } })).data)).toEqual(['d']);
      const none = await admin.POST('/users/search', { body: { filter: { name: 'same' } } });
      expect(none.data).toEqual({ items: [], page: { totalItems: 0 } });
    });

    it('pages with from and limit while totalItems counts every match', async () => {
      const { data } = await h.admin().POST('/users/search', { body: { page: { from: 1, limit: 2 }, filter: {} } });
      expect(usernames(data)).toEqual(['a', 'b']);
      expect(data!.page.totalItems).toBe(5);
      const beyond = await h.admin().POST('/users/search', { body: { page: { from: 50 } } });
      expect(beyond.data).toEqual({ items: [], page: { totalItems: 5 } });
    });

    it('accepts the documented maximum page size', async () => {
      const { response } = await h.admin().POST('/users/search', { body: { page: { limit: 1000 } } });
      expect(response.status).toBe(200);
    });

    it('sorts by fields in order, ascending by default', async () => {
      const admin = h.admin();
      const body = { filter: {}, page: { from: 0, limit: 10 } };
      expect(usernames((await admin.POST('/users/search', { body: { ...body, sort: [{ field: 'username', order: 'desc' }] } })).data)).toEqual([
        'd',
        'c',
        'b',
        'admin',
        'a',
      ]);
      expect(usernames((await admin.POST('/users/search', { body: { filter: { email: 'x@example.com' }, sort: [{ field: 'name' }] } })).data)).toEqual([
        'a',
        'c',
      ]);
      const byNameThenUsername = await admin.POST('/users/search', {
        body: { filter: { name: 'Same' }, sort: [{ field: 'name', order: 'asc' }, { field: 'username', order: 'desc' }] },
      });
      expect(usernames(byNameThenUsername.data)).toEqual(['c', 'a']);
    });

    it('accepts the order in upper case, as Camunda\'s Node SDK sends it', async () => {
      const admin = h.admin();
      const sorted = (order: 'ASC' | 'DESC') => admin.POST('/users/search', { body: { filter: { email: 'x@example.com' }, sort: [{ field: 'username', order }] } });
      expect(usernames((await sorted('DESC')).data)).toEqual(['c', 'a']);
      expect(usernames((await sorted('ASC')).data)).toEqual(['a', 'c']);
    });
  });

  describe('400', () => {
    beforeEach(async () => {
      h = await createTestApp();
    });

    it.each(validationCases.filter((c) => c.api === 'camunda' && c.schema === 'UserSearchQueryRequest' && !c.valid))('refuses $name, naming $key', async ({ value, key }) => {
      const { response } = await h.admin().POST('/users/search', { body: value as never });
      expect((await expectProblem(response, 400, { title: 'INVALID_ARGUMENT', path: PATH })).detail).toContain(key);
    });

    it.each(validationCases.filter((c) => c.api === 'camunda' && c.schema === 'UserSearchQueryRequest' && c.valid))('accepts $name', async ({ value }) => {
      const { response } = await h.admin().POST('/users/search', { body: value as never });
      expect(response.status).toBe(200);
    });

    it('names a field inside an array by its index: sort.0.field', async () => {
      const { response } = await h.admin().POST('/users/search', { body: { sort: [{ field: 'password' as 'name' }] } });
      expect((await expectProblem(response, 400, { title: 'INVALID_ARGUMENT' })).detail).toMatch(/sort\.0\.field/);
    });

    it('refuses an unknown filter', async () => {
      const { response } = await h.admin().POST('/users/search', { body: { filter: { password: 'guess-never-echoed' } as never } });
      expect((await expectProblem(response, 400)).detail).toMatch(/password/);
    });
  });

  it('returns 403 for a user without user-management', async () => {
    h = await createTestApp();
    await h.createUser('plain', 'plain-Passw0rd');
    const { response } = await h.client('plain', 'plain-Passw0rd').POST('/users/search', { body: {} });
    expect((await expectProblem(response, 403, { title: 'FORBIDDEN', path: PATH })).detail).toContain("'READ'");
  });

  it('returns 500 with the request id when the store fails', async () => {
    h = await createTestApp({ failing: ['search'] });
    const { response } = await h.admin().POST('/users/search', { body: {} });
    const problem = await expectProblem(response, 500, { title: 'INTERNAL', path: PATH });
    expect(problem.detail).toContain(response.headers.get('x-request-id'));
  });
});

function adminAuth(): string {
  return `Basic ${Buffer.from('admin:admin-Passw0rd!').toString('base64')}`;
}
