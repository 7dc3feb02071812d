/**
 * Reaches the documented 500s without writing a case: one recorded request per operation that
 * documents a 500 is replayed while the server's store is broken (`withBrokenStore`: a real
 * storage fault, on SQLite or PostgreSQL). Each must get a 500 that conforms to the spec.
 */
import { documentedStatuses } from '@repo/contract-fuzz/coverage';
import { withBrokenStore, type StoreLocation } from '../support/break-store.ts';
import { writeHar } from './har.ts';
import { replayOnePerOperation } from './replay.ts';

/** The outcome of a replay: per operation, the status and what is wrong (empty when right). */
export interface ReplayOutcome {
  readonly operationId: string;
  readonly status: number | undefined;
  readonly problems: readonly string[];
}

/** Replays under a broken store; writes the exchanges to `harOut`. */
export async function replayUnderStoreFault(options: { spec: Record<string, unknown>; location: StoreLocation; har: string; harOut: string }): Promise<ReplayOutcome[]> {
  const { results, entries } = await replayOnePerOperation({
    spec: options.spec,
    har: options.har,
    operations: documentedStatuses(options.spec).filter((operation) => operation.statuses.includes(500)),
    around: (send) => withBrokenStore(options.location, send),
  });
  await writeHar(options.harOut, entries);
  return results.map((result) => ({
    operationId: result.operationId,
    status: result.status,
    problems: result.status === undefined || result.status === 500 ? result.violations : [`got ${result.status}, not 500: ${result.text.slice(0, 200)}`, ...result.violations],
  }));
}

/** The outcomes as lines under a title: `  createUser → 500 conforms`. */
export function formatReplay(title: string, outcomes: readonly ReplayOutcome[]): string {
  return [
    title,
    ...outcomes.map((outcome) => `  ${outcome.operationId} → ${outcome.status ?? '-'} ${outcome.problems.length === 0 ? 'conforms' : `WRONG: ${outcome.problems.join('; ')}`}`),
  ].join('\n');
}
