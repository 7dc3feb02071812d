/**
 * The checks that judge a response by what was sent: negative_data_rejection,
 * positive_data_acceptance, ignored_auth, unsupported_method, host_header_not_reflected.
 */
import { readPointer } from '../spec/pointer.ts';
import type { Planned } from '../request/planned.ts';
import type { AcceptableRejection, RawResponse } from '../types.ts';
import type { Verdict } from './verdict.ts';


export function requestChecks(planned: Planned, response: RawResponse, acceptable: readonly AcceptableRejection[]): Verdict[] {
  const operationId = planned.generated.operationId;
  const status = response.status;
  const verdicts: Verdict[] = [];
  if (status === 0) return verdicts;
  const is2xx = status >= 200 && status < 300;
  switch (planned.expectation) {
    case 'invalid':
      verdicts.push({ check: 'negative_data_rejection', operationId, ok: !is2xx, message: `${status} for a request the spec forbids (${planned.generated.description}); must not be 2xx` });
      break;
    case 'valid':
      if (planned.authorised) {
        const excuse = status === 400 ? excused(operationId, response, acceptable) : undefined;
        verdicts.push({
          check: 'positive_data_acceptance',
          operationId,
          ok: status !== 400 || excuse !== undefined,
          message: `400 for a valid request from the authorised caller: ${response.text.slice(0, 300)}`,
          excused: excuse,
        });
      }
      break;
    case 'unauthenticated':
      verdicts.push({ check: 'ignored_auth', operationId, ok: status === 401, message: `${status} for ${planned.generated.description}; must be 401` });
      break;
    case 'unauthenticated-or-bad':
      verdicts.push({ check: 'ignored_auth', operationId, ok: status === 401 || status === 400, message: `${status} for ${planned.generated.description}; must be 401 (or 400)` });
      break;
    case 'unsupported-method':
      verdicts.push({ check: 'unsupported_method', operationId, ok: status === 405, message: `${status} for ${planned.generated.request.method}, which the path does not declare; must be 405` });
      break;
    default:
      break;
  }
  const host = planned.oddHost;
  if (host !== undefined && host !== '') {
    const needle = host.replace(/:\d+$/, '').replace(/^\[|\]$/g, '').toLowerCase();
    const where = [
      ...Object.entries(response.headers).filter(([, v]) => v.toLowerCase().includes(needle)).map(([k]) => `header ${k}`),
      ...(response.text.toLowerCase().includes(needle) ? ['body'] : []),
    ];
    verdicts.push({ check: 'host_header_not_reflected', operationId, ok: where.length === 0, message: `Host ${host.slice(0, 60)} is reflected in the ${where.join(', ')}` });
  }
  return verdicts;
}

function excused(operationId: string, response: RawResponse, acceptable: readonly AcceptableRejection[]): string | undefined {
  let body: unknown;
  try {
    body = JSON.parse(response.text);
  } catch {
    return undefined;
  }
  const match = acceptable.find(
    (a) => a.operationId === operationId && a.status === response.status && JSON.stringify(readPointer(body, a.bodyPointer)) === JSON.stringify(a.equals),
  );
  return match?.reason;
}
