/**
 * Reaches the documented 500s without writing a case: one recorded request per operation that
 * documents a 500 is replayed while the server's store is broken (`withBrokenStore`: a real
 * storage fault, on SQLite or PostgreSQL). Each must get a 500 that conforms to the spec.
 */
import type { FuzzCredentials } from '@repo/contract-fuzz';
import { documentedStatuses } from '@repo/contract-fuzz/coverage';
import { withBrokenStore, type StoreLocation } from '../support/break-store.ts';
import { writeHar } from './har.ts';
import { expectingStatus, replayOnePerOperation, type ReplayOutcome } from './replay.ts';

/** Replays under a broken store; writes the exchanges to `harOut`. */
export async function replayUnderStoreFault(options: {
  spec: Record<string, unknown>;
  location: StoreLocation;
  har: string;
  harOut: string;
  /** Makes the caller an operation marked `x-acts-on-caller` is replayed as (see `ReplayOptions`). */
  disposableCaller?: (() => Promise<FuzzCredentials>) | undefined;
}): Promise<ReplayOutcome[]> {
  const { results, entries } = await replayOnePerOperation({
    spec: options.spec,
    har: options.har,
    operations: documentedStatuses(options.spec).filter((operation) => operation.statuses.includes(500)),
    disposableCaller: options.disposableCaller,
    around: (send) => withBrokenStore(options.location, send),
  });
  await writeHar(options.harOut, entries);
  return expectingStatus(results, 500);
}
