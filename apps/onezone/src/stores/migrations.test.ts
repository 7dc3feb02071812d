import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase, runMigrations } from '@repo/persistence';
import { userStoreMigrations } from './migrations.ts';
import { SqlUserStore } from './sql-user-store.ts';

describe('migration 0002 (basic auth setting, client tokens) on data of 0001', () => {
  let dataDir: string;
  beforeEach(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'onezone-migrate-'));
  });
  afterEach(() => rmSync(dataDir, { recursive: true, force: true }));

  it('turns basic auth on exactly for the users who have a password', async () => {
    const options = { dataDir, fileName: 'onezone.sqlite' };
    const old = await openDatabase<any>(options);
    const { '0001_users': first } = userStoreMigrations(old.dialect);
    await runMigrations(old.db, { migrations: { '0001_users': first! }, dialect: old.dialect });
    await old.db
      .insertInto('users')
      .values([
        { id: 'a'.repeat(32), username: 'with.password', full_name: 'With Password', password_hash: '$argon2id$fake', creation_time: 1 },
        { id: 'b'.repeat(32), username: null, full_name: 'Unnamed User', password_hash: null, creation_time: 2 },
      ])
      .execute();
    await old.close();

    const store = await SqlUserStore.open(options);
    expect((await store.get('a'.repeat(32)))?.basicAuthEnabled).toBe(true);
    expect((await store.get('b'.repeat(32)))?.basicAuthEnabled).toBe(false);
    expect(await store.listClientTokens('a'.repeat(32))).toEqual([]);
    await store.close();
  });
});
