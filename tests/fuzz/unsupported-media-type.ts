/**
 * Reaches the documented 415s without writing a case: one recorded request per operation that
 * documents a 415 is replayed as `text/plain`, its bytes unchanged. The generator's content-type
 * mutations reach a 415 only when its budget for an operation happens to draw one.
 */
import type { FuzzCredentials } from '@repo/contract-fuzz';
import { documentedStatuses } from '@repo/contract-fuzz/coverage';
import { writeHar } from './har.ts';
import { expectingStatus, replayOnePerOperation, type ReplayOutcome } from './replay.ts';

/** Replays with a content type no operation accepts; writes the exchanges to `harOut`. */
export async function replayAsPlainText(options: {
  spec: Record<string, unknown>;
  har: string;
  harOut: string;
  disposableCaller?: (() => Promise<FuzzCredentials>) | undefined;
}): Promise<ReplayOutcome[]> {
  const { results, entries } = await replayOnePerOperation({
    ...options,
    operations: documentedStatuses(options.spec).filter((operation) => operation.statuses.includes(415)),
    headers: (headers) => [...headers.filter(([name]) => name.toLowerCase() !== 'content-type'), ['content-type', 'text/plain']],
    body: (body) => body ?? '{}',
  });
  await writeHar(options.harOut, entries);
  return expectingStatus(results, 415);
}
