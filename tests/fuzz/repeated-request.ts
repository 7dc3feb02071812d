/**
 * Reaches the documented 409s without writing a case: a 409 is a conflict with the server's state,
 * and the one state a suite can be sure of is what its own request created. So one recorded
 * request per operation that documents a 409 is sent twice more, unchanged; the last answer must be
 * the conflict. (Twice: the fuzzer may have removed what the recorded request created, through the
 * spec's links, so the first may succeed again.) The generator alone reaches a 409 only when two
 * of its random values happen to collide, which made coverage depend on the seed.
 */
import type { FuzzCredentials } from '@repo/contract-fuzz';
import { documentedStatuses } from '@repo/contract-fuzz/coverage';
import { writeHar } from './har.ts';
import { expectingStatus, replayOnePerOperation, type ReplayOutcome } from './replay.ts';

/** Sends each picked request twice; writes both exchanges of each to `harOut`. */
export async function replayRepeated(options: {
  spec: Record<string, unknown>;
  har: string;
  harOut: string;
  /** Makes the caller an operation marked `x-acts-on-caller` is replayed as (see `ReplayOptions`). */
  disposableCaller?: (() => Promise<FuzzCredentials>) | undefined;
}): Promise<ReplayOutcome[]> {
  const replay = () =>
    replayOnePerOperation({
      spec: options.spec,
      har: options.har,
      operations: documentedStatuses(options.spec).filter((operation) => operation.statuses.includes(409)),
      disposableCaller: options.disposableCaller,
    });
  const first = await replay();
  const second = await replay();
  await writeHar(options.harOut, [...first.entries, ...second.entries]);
  // The first answer may be either; only how it breaks the spec counts.
  return expectingStatus(second.results, 409).map((outcome, i) => ({ ...outcome, problems: [...first.results[i]!.violations, ...outcome.problems] }));
}
