import { describe, it } from 'vitest';
import { storeBackends } from '@repo/test-kit';
import { SqlUserStore } from './sql-user-store.ts';
import { describeUserStoreConformance } from './user-store.conformance.ts';

const { backends, skipped } = await storeBackends('onezone', (options) => SqlUserStore.open(options));
for (const backend of backends) {
  describeUserStoreConformance(`SqlUserStore on ${backend.name}`, backend.setUp, { persistent: backend.persistent });
}
if (skipped !== undefined) {
  describe.skip(`UserStore conformance: SqlUserStore on PostgreSQL (${skipped})`, () => {
    it('runs the conformance suite on PostgreSQL', () => {});
  });
}
