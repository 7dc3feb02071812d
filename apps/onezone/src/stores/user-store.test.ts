import { describeStoreConformance } from '@repo/test-kit';
import { SqlUserStore } from './sql-user-store.ts';
import { userStoreConformance } from './user-store.conformance.ts';

await describeStoreConformance('onezone', 'SqlUserStore', (location) => SqlUserStore.open(location), userStoreConformance);
