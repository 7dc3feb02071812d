/**
 * Reaches the documented 413s without writing a case: one recorded request per operation that
 * documents a 413 is replayed with its JSON body padded by whitespace past 1 MiB (still the same
 * JSON, larger than any body limit the servers are run with). The generator's own body-limit
 * mutations reach a 413 only when its budget for an operation happens to include one.
 */
import type { FuzzCredentials } from '@repo/contract-fuzz';
import { documentedStatuses } from '@repo/contract-fuzz/coverage';
import { writeHar } from './har.ts';
import { expectingStatus, replayOnePerOperation, type ReplayOutcome } from './replay.ts';

/** Past 1 MiB: above the default limit (64 KiB) and the largest the suite configures. */
const PADDING = ' '.repeat(1024 * 1024 + 1);

/** Replays with oversized bodies; writes the exchanges to `harOut`. */
export async function replayWithOversizedBody(options: {
  spec: Record<string, unknown>;
  har: string;
  harOut: string;
  /** Makes the caller an operation marked `x-acts-on-caller` is replayed as (see `ReplayOptions`). */
  disposableCaller?: (() => Promise<FuzzCredentials>) | undefined;
}): Promise<ReplayOutcome[]> {
  const { results, entries } = await replayOnePerOperation({
    spec: options.spec,
    har: options.har,
    operations: documentedStatuses(options.spec).filter((operation) => operation.statuses.includes(413)),
    disposableCaller: options.disposableCaller,
    // An operation whose body is optional may have been recorded without one: send `{}` then.
    headers: (headers) => [...headers.filter(([name]) => name.toLowerCase() !== 'content-type'), ['content-type', 'application/json']],
    body: (body) => `${body ?? '{}'}${PADDING}`,
  });
  // The megabyte of padding is not worth keeping in the HAR: coverage needs the status, not the bytes.
  const trimmed = entries.map((entry) => {
    const postData = entry.request.postData;
    return postData === undefined ? entry : { ...entry, request: { ...entry.request, postData: { ...postData, text: postData.text.trimEnd() } } };
  });
  await writeHar(options.harOut, trimmed);
  return expectingStatus(results, 413);
}
