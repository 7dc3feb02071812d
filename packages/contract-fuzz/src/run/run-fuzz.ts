/**
 * The run: plan units, then for each unit a fast-check property that sends the planned request,
 * judges the response (and follows links), and fails on a failure signature (check + operation +
 * status) not seen before. fast-check shrinks it (bounded); the shrunk case is recorded with its
 * curl line; the unit then goes on with the rest of its budget under a derived seed, known
 * signatures counting as passed, until the budget is spent. So every distinct failure is reported,
 * each minimal.
 */
import fc from 'fast-check';
import { requestChecks } from '../checks/request-checks.ts';
import { responseChecks } from '../checks/response-checks.ts';
import type { Judged } from '../checks/verdict.ts';
import { toCurl } from '../curl.ts';
import { HarRecorder } from '../http/har.ts';
import { createSender } from '../http/send.ts';
import { followLinks, linkRole, type FollowEnv } from '../links/follow.ts';
import type { Planned } from '../request/planned.ts';
import { createSpecValidator } from '../schema/spec-ajv.ts';
import { readSpecModel, type OperationModel } from '../spec/operations.ts';
import type { CheckName, FuzzFailure, FuzzOptions, FuzzReport, FuzzTarget, RawResponse } from '../types.ts';
import { Outcomes } from './outcomes.ts';
import { planUnits, type Unit } from './units.ts';

/**
 * Thrown when the authorised caller keeps getting 401 (e.g. the run deleted it) or the target stops
 * answering (e.g. a request crashed it): the rest would be noise. The message names the cause.
 */
export class FuzzAbortedError extends Error {
  constructor(
    message: string,
    readonly report: FuzzReport,
  ) {
    super(message);
    this.name = 'FuzzAbortedError';
  }
}

/** After this many 401s in a row for the authorised caller's valid requests, the run stops. */
const lockedOutAfter = 12;
/** After this many requests in a row without an answer (refused, reset, timed out), the run stops. */
const stoppedAfter = 12;

/** Runs the fuzzer against a target. */
export async function runFuzz(target: FuzzTarget, options: FuzzOptions): Promise<FuzzReport> {
  const seed = options.seed ?? Math.floor(Math.random() * 2 ** 31);
  const log = options.log ?? ((): void => {});
  log(`contract-fuzz ${target.name}: seed=${seed} (replay: FUZZ_SEED=${seed}), ${options.requests} requests`);
  const model = readSpecModel(target.spec);
  const validator = createSpecValidator(target.spec);
  const ctx = { document: target.spec, validator };
  const operations = model.operations.filter((o) => options.operations === undefined || options.operations.includes(o.operationId));
  if (operations.length === 0) throw new Error(`no operation to fuzz in ${target.name}`);
  const byId = new Map(model.operations.map((o) => [o.operationId, o]));
  const plan = planUnits(ctx, model, operations, target.baseUrl, target.credentials, options.requests, target.kind);
  const sender = createSender(options.timeoutMs ?? 10_000);
  const har = options.harFile === undefined ? undefined : new HarRecorder();
  const outcomes = new Outcomes();
  const acceptable = options.acceptableRejections ?? [];
  // Signatures reported, or being shrunk by some unit right now (units run concurrently).
  const known = new Set<string>();
  const failures: FuzzFailure[] = [];
  let sent = 0;
  let statefulLeft = Math.floor(options.requests * 0.2);
  let lockedOut = 0;
  let silent = 0;
  let firstSilent: Planned | undefined;
  let aborted: string | undefined;

  const exchange = async (planned: Planned): Promise<{ response: RawResponse; judged: Judged[] }> => {
    const started = new Date();
    const response = await sender.send(planned.generated.request);
    sent += 1;
    har?.record(planned.generated.request, response, started);
    outcomes.status(planned.generated.operationId, response.status);
    const operation = byId.get(planned.generated.operationId)!;
    const verdicts =
      planned.expectation === 'unsupported-method'
        ? responseChecks(validator, operation, response, false).filter((v) => v.check === 'not_a_server_error')
        : responseChecks(validator, operation, response);
    verdicts.push(...requestChecks(planned, response, acceptable));
    if (response.status === 0) {
      if (silent === 0) firstSilent = planned;
      silent += 1;
      if (silent >= stoppedAfter && aborted === undefined && firstSilent !== undefined) {
        aborted = `${target.name}: no answer to ${silent} requests in a row (${response.text}); the target stopped. The first request without an answer: ${toCurl(firstSilent.generated.request)}`;
        log(aborted);
      }
    } else silent = 0;
    if (planned.authorised && planned.expectation === 'valid' && target.credentials !== undefined) {
      lockedOut = response.status === 401 ? lockedOut + 1 : 0;
      if (lockedOut >= lockedOutAfter && aborted === undefined) {
        aborted = `${target.name}: the authorised caller ${target.credentials.username} got 401 for ${lockedOut} valid requests in a row (last: ${planned.generated.request.method} ${planned.generated.request.url}); the credentials are wrong or the run removed that user. Stopped after ${sent} requests.`;
        log(aborted);
      }
    }
    return { response, judged: verdicts.map((verdict) => ({ verdict, planned, response })) };
  };

  const followEnv: FollowEnv = { model, baseUrl: target.baseUrl, credentials: target.credentials, exchange };
  const maxShrinkRequests = options.maxShrinkRequests ?? 60;
  const maxShrinkMs = options.maxShrinkMs ?? 15_000;

  const runUnit = async (unit: Unit, index: number): Promise<void> => {
    let remaining = unit.runs;
    for (let round = 0; remaining > 0 && aborted === undefined; round += 1) {
      let targetSignature: string | undefined;
      let last: Judged | undefined;
      let runs = 0;
      let shrinkRequests = 0;
      let shrinkStarted = 0;
      const property = fc.asyncProperty(unit.arbitrary, async (planned) => {
        if (aborted !== undefined) return true;
        if (targetSignature !== undefined) {
          if (shrinkRequests >= maxShrinkRequests || Date.now() - shrinkStarted > maxShrinkMs) return true;
          shrinkRequests += 1;
        } else runs += 1;
        const { response, judged } = await exchange(planned);
        if (unit.class === 'positive' && target.kind === 'server' && statefulLeft > 0) {
          const before = sent;
          judged.push(...(await followLinks(followEnv, unit.operation, planned, response)));
          statefulLeft -= sent - before;
        }
        outcomes.add(judged);
        const failed = judged.filter((j) => !j.verdict.ok && j.verdict.excused === undefined);
        const match =
          targetSignature === undefined ? failed.find((j) => !known.has(signature(j))) : failed.find((j) => signature(j) === targetSignature);
        if (match === undefined) return true;
        if (targetSignature === undefined) {
          targetSignature = signature(match);
          known.add(targetSignature);
          shrinkStarted = Date.now();
        }
        last = match;
        return false;
      });
      const result = await fc.check(property, { seed: derivedSeed(seed, index, round), numRuns: remaining });
      remaining -= Math.max(1, runs);
      if (targetSignature === undefined || last === undefined) break;
      const found: Judged = last;
      failures.push({
        check: found.verdict.check,
        operationId: found.verdict.operationId,
        message: found.verdict.message ?? found.verdict.check,
        generated: found.planned.generated,
        response: found.response,
        curl: toCurl(found.planned.generated.request),
      });
      log(`${target.name}: ${found.verdict.check} fails on ${found.verdict.operationId} (${found.response.status}) after ${result.numShrinks} shrinks`);
    }
  };

  const queue = plan.units.map((unit, index) => [unit, index] as const);
  const workers = Array.from({ length: Math.max(1, options.concurrency ?? 4) }, async () => {
    for (let next = queue.shift(); next !== undefined; next = queue.shift()) await runUnit(next[0], next[1]);
  });
  try {
    await Promise.all(workers);
  } finally {
    sender.close();
    if (har !== undefined && options.harFile !== undefined) har.write(options.harFile);
  }

  const noteFor = (check: CheckName, operationId: string): string | undefined => plan.notApplicable.get(check)?.get(operationId);
  const reasonFor = (check: CheckName, operationId: string): string =>
    noteFor(check, operationId) ?? defaultReason(check, byId.get(operationId)!, target.kind, model.operations);
  const report: FuzzReport = {
    target: target.name,
    seed,
    requestsSent: sent,
    statuses: outcomes.statuses,
    checks: outcomes.outcomes(operations.map((o) => o.operationId), reasonFor, noteFor),
    failures,
  };
  if (aborted !== undefined) throw new FuzzAbortedError(aborted, report);
  return report;
}

function signature(judged: Judged): string {
  return `${judged.verdict.check}|${judged.verdict.operationId}|${judged.response.status}`;
}

/** A different, reproducible seed per unit and round. */
function derivedSeed(seed: number, unit: number, round: number): number {
  let h = (seed ^ 0x9e3779b9) >>> 0;
  for (const n of [unit, round]) {
    h = Math.imul(h ^ n, 0x85ebca6b) >>> 0;
    h = (h ^ (h >>> 13)) >>> 0;
  }
  return h | 0;
}

function defaultReason(check: CheckName, operation: OperationModel, kind: FuzzTarget['kind'], all: readonly OperationModel[]): string {
  if (check === 'ensure_resource_availability' || check === 'use_after_free') {
    if (kind === 'mock') return 'stateless mock: links are not followed';
    const reached = all.some((o) =>
      o.responses.some((r) =>
        r.links.some((l) => {
          if (l.operationId !== operation.operationId) return false;
          const role = linkRole(operation, l);
          return role === 'read' || role === 'search' || role === 'update';
        }),
      ),
    );
    if (!reached) return 'no OpenAPI link leads to this operation as a read or an update';
    return 'no resource was created and linked during the run (budget, or creations failed)';
  }
  if (check === 'host_header_not_reflected') return 'no odd-Host request got an answer in the budget';
  if (check === 'response_headers_conformance') return 'no response seen for a status that declares headers';
  if (check === 'response_schema_conformance') return 'no response seen for a status that declares a JSON schema';
  return 'not exercised: no request of the class it judges was sent (budget too small for this operation)';
}
