/** Tallies of every check on every operation, and the statuses seen. */
import type { Judged } from '../checks/verdict.ts';
import type { CheckName, CheckOutcome } from '../types.ts';

export const allChecks: readonly CheckName[] = [
  'not_a_server_error',
  'status_code_conformance',
  'content_type_conformance',
  'response_headers_conformance',
  'response_schema_conformance',
  'negative_data_rejection',
  'positive_data_acceptance',
  'ignored_auth',
  'unsupported_method',
  'host_header_not_reflected',
  'ensure_resource_availability',
  'use_after_free',
];

interface Tally {
  evaluated: number;
  failed: number;
  excused: number;
}

export class Outcomes {
  private readonly tallies = new Map<string, Tally>();
  readonly statuses = new Map<string, Map<number, number>>();

  status(operationId: string, status: number): void {
    const byStatus = this.statuses.get(operationId) ?? new Map<number, number>();
    byStatus.set(status, (byStatus.get(status) ?? 0) + 1);
    this.statuses.set(operationId, byStatus);
  }

  add(judged: readonly Judged[]): void {
    for (const { verdict } of judged) {
      const key = `${verdict.check}|${verdict.operationId}`;
      const tally = this.tallies.get(key) ?? { evaluated: 0, failed: 0, excused: 0 };
      tally.evaluated += 1;
      if (!verdict.ok) tally.failed += 1;
      if (verdict.excused !== undefined) tally.excused += 1;
      this.tallies.set(key, tally);
    }
  }

  /** One outcome per check × operation; a check that judged nothing says why. */
  outcomes(
    operationIds: readonly string[],
    reasonFor: (check: CheckName, operationId: string) => string,
    noteFor: (check: CheckName, operationId: string) => string | undefined,
  ): CheckOutcome[] {
    return allChecks.flatMap((check) =>
      operationIds.map((operationId): CheckOutcome => {
        const tally = this.tallies.get(`${check}|${operationId}`);
        if (tally === undefined) return { check, operationId, status: 'not applicable', evaluated: 0, reason: reasonFor(check, operationId) };
        return {
          check,
          operationId,
          status: tally.failed > 0 ? 'failed' : 'passed',
          evaluated: tally.evaluated,
          // A class that generated nothing (e.g. no negative case) while other classes were judged.
          ...(noteFor(check, operationId) === undefined ? {} : { reason: noteFor(check, operationId) }),
          ...(tally.excused > 0 ? { excused: tally.excused } : {}),
        };
      }),
    );
  }
}
