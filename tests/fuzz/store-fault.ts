/**
 * Reaches the documented 500s without writing a case: one recorded request per operation that
 * documents a 500 is replayed while the server's store is broken (`withBrokenStore`: a real
 * storage fault, on SQLite or PostgreSQL). Each must get a 500 that conforms to the spec.
 */
import { documentedStatuses } from '@repo/contract-fuzz/coverage';
import { withBrokenStore, type StoreLocation } from '../support/break-store.ts';
import { writeHar } from './har.ts';
import { replayOnePerOperation, type ReplayOutcome } from './replay.ts';

/** Replays under a broken store; writes the exchanges to `harOut`. */
export async function replayUnderStoreFault(options: {
  spec: Record<string, unknown>;
  location: StoreLocation;
  har: string;
  harOut: string;
  /** Operations the run did not send (see `FuzzApi.callerChangingOperations`). */
  skip?: readonly string[] | undefined;
}): Promise<ReplayOutcome[]> {
  const { results, entries } = await replayOnePerOperation({
    spec: options.spec,
    har: options.har,
    operations: documentedStatuses(options.spec).filter((operation) => operation.statuses.includes(500) && !options.skip?.includes(operation.operationId)),
    around: (send) => withBrokenStore(options.location, send),
  });
  await writeHar(options.harOut, entries);
  return results.map((result) => ({
    operationId: result.operationId,
    status: result.status,
    problems:
      result.status === undefined || result.status === 500 ? result.violations : [`got ${result.status}, not 500: ${result.text.slice(0, 200)}`, ...result.violations],
  }));
}
