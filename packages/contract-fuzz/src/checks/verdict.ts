import type { CheckName } from '../types.ts';

/** One check's judgement of one response. */
export interface Verdict {
  readonly check: CheckName;
  readonly operationId: string;
  readonly ok: boolean;
  readonly message?: string;
  /** positive_data_acceptance: a 400 excused by an acceptable rejection. */
  readonly excused?: string;
}

/** A verdict with the exchange it judged (what a failure report needs). */
export interface Judged {
  readonly verdict: Verdict;
  readonly planned: import('../request/planned.ts').Planned;
  readonly response: import('../types.ts').RawResponse;
}
