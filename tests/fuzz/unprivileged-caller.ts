/**
 * Reaches the documented 403s without writing a case: a caller without privileges is created
 * through the API, and one recorded request per operation that documents a 403 is replayed
 * with its credentials instead of the admin's. Each answer must conform to the spec; whether it is
 * the 403 is what coverage then shows (an operation any caller may use, like Onezone's
 * `get_current_user`, answers 2xx and has its 403 in the exceptions file).
 */
import type { FuzzCredentials } from '@repo/contract-fuzz';
import { documentedStatuses } from '@repo/contract-fuzz/coverage';
import { basicAuth } from './fuzz-apis.ts';
import { writeHar } from './har.ts';
import { replayOnePerOperation, type ReplayOutcome } from './replay.ts';

// Credentials of the recorded request, all replaced by the plain caller's basic auth.
const CREDENTIAL_HEADERS = new Set(['authorization', 'x-auth-token']);

/** Replays as `caller`; writes the exchanges to `harOut`. */
export async function replayAsUnprivileged(options: {
  spec: Record<string, unknown>;
  caller: FuzzCredentials;
  har: string;
  harOut: string;
  /** Operations the run did not send (see `FuzzApi.callerChangingOperations`). */
  skip?: readonly string[] | undefined;
}): Promise<ReplayOutcome[]> {
  const { results, entries } = await replayOnePerOperation({
    spec: options.spec,
    har: options.har,
    operations: documentedStatuses(options.spec).filter((operation) => operation.statuses.includes(403) && !options.skip?.includes(operation.operationId)),
    headers: (headers) => [...headers.filter(([name]) => !CREDENTIAL_HEADERS.has(name.toLowerCase())), ['authorization', basicAuth(options.caller)]],
  });
  await writeHar(options.harOut, entries);
  return results.map((result) => ({ operationId: result.operationId, status: result.status, problems: result.violations }));
}
