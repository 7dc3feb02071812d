import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'vitest';
import { dropSchema, findTestPostgres, freshSchemaName } from '@repo/server-kit/testing';
import { SqlUserStore } from './sql-user-store.ts';
import { describeUserStoreConformance } from './user-store.conformance.ts';

describeUserStoreConformance(
  'SqlUserStore on SQLite in memory',
  async () => ({
    open: () => SqlUserStore.open({ inMemory: true, dataDir: 'unused', fileName: 'unused' }),
    destroy: async () => {},
  }),
  { persistent: false },
);

describeUserStoreConformance(
  'SqlUserStore on a SQLite file',
  async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'onezone-store-'));
    return {
      open: () => SqlUserStore.open({ dataDir, fileName: 'onezone.sqlite' }),
      destroy: async () => rmSync(dataDir, { recursive: true, force: true }),
    };
  },
  { persistent: true },
);

const pg = await findTestPostgres('onezone UserStore conformance on PostgreSQL');
if (pg.available) {
  describeUserStoreConformance(
    'SqlUserStore on PostgreSQL',
    async () => {
      const pgSchema = freshSchemaName('test_onezone');
      return {
        open: () => SqlUserStore.open({ databaseUrl: pg.url, pgSchema, dataDir: 'unused', fileName: 'unused' }),
        destroy: () => dropSchema(pg.url, pgSchema),
      };
    },
    { persistent: true },
  );
} else {
  describe.skip(`UserStore conformance: SqlUserStore on PostgreSQL (${pg.reason})`, () => {
    it('runs the conformance suite on PostgreSQL', () => {});
  });
}
