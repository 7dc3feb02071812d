import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SqlUserStore } from './stores/sql-user-store.ts';
import { createTestApp } from './testing/test-app.ts';

const openFileStore = (dataDir: string) => SqlUserStore.open({ dataDir, fileName: 'onezone.sqlite' });

describe('on a SQLite file', () => {
  let dataDir: string;
  beforeEach(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'onezone-data-'));
  });
  afterEach(() => rmSync(dataDir, { recursive: true, force: true }));

  it('keeps users across a restart', async () => {
    const first = await createTestApp({ store: await openFileStore(dataDir) });
    const id = await first.createUser({ username: 'r.lingens', fullName: 'Rudolf Lingens', password: 'lS1c6FD2mxB2ff' });
    await first.close();

    const second = await createTestApp({ store: await openFileStore(dataDir) });
    const { response, data } = await second.admin.GET('/users/{id}', { params: { path: { id } } });
    expect(response.status).toBe(200);
    expect(data).toMatchObject({ userId: id, username: 'r.lingens', basicAuthEnabled: true });
    // The password survived as well: the user still signs in.
    expect((await second.client({ username: 'r.lingens', password: 'lS1c6FD2mxB2ff' }).GET('/user')).response.status).toBe(200);
    await second.close();
  });

  it('lets exactly one of 50 concurrent creates of one username succeed', async () => {
    const t = await createTestApp({ store: await openFileStore(dataDir) });
    const responses = await Promise.all(
      Array.from({ length: 50 }, (_, i) => t.admin.POST('/users', { body: { username: 'same.name', fullName: `Racer ${i}`, password: 'race-password' } })),
    );
    const statuses = responses.map(({ response }) => response.status);
    expect(statuses.filter((s) => s === 201)).toHaveLength(1);
    expect(statuses.filter((s) => s === 400)).toHaveLength(49);
    for (const { response, error } of responses) {
      if (response.status === 400) expect(error?.error).toMatchObject({ id: 'badValueIdentifierOccupied', details: { key: 'username' } });
    }
    const { data } = await t.admin.GET('/users');
    expect(data?.users).toHaveLength(2); // the admin and the winner
    await t.close();
  });
});
