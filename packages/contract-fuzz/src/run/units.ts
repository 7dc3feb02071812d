/**
 * The run's plan: one unit per (operation, request class), each an arbitrary of planned requests
 * and a share of the budget. Shares per operation: positive 40 %, negative 25 %, transport 20 %,
 * auth 10 %, and 5 % for unsupported methods (sent per path, under the path's first operation). A
 * class that cannot apply to an operation gives its share to the positive class. Link following
 * (stateful) comes on top, capped at 20 % of the budget.
 */
import fc from 'fast-check';
import type { SchemaContext } from '../schema/positive.ts';
import { isSecured, type OperationModel, type SpecModel } from '../spec/operations.ts';
import { authVariants } from '../request/auth.ts';
import { buildRequest } from '../request/build.ts';
import type { Expectation, Planned } from '../request/planned.ts';
import { expectationOf, transportMutations } from '../request/transport.ts';
import { negativeValues, positiveValues } from '../request/values.ts';
import type { CheckName, FuzzCredentials, FuzzTarget, RawRequest, RequestClass } from '../types.ts';
import { allChecks } from './outcomes.ts';
import { authVariantsFor, mockReasons, negativeExpectation, shadowedMethods, transportExpectation } from './mock-mode.ts';

export const classWeights: Readonly<Record<'positive' | 'negative' | 'transport' | 'auth' | 'method', number>> = {
  positive: 40,
  negative: 25,
  transport: 20,
  auth: 10,
  method: 5,
};

export interface Unit {
  readonly operation: OperationModel;
  readonly class: RequestClass;
  readonly arbitrary: fc.Arbitrary<Planned>;
  runs: number;
}

export interface Plan {
  readonly units: Unit[];
  /** Why a check cannot apply to an operation (check → operationId → reason). */
  readonly notApplicable: Map<CheckName, Map<string, string>>;
}

/** Why an operation marked `x-acts-on-caller` sends only requests without the authorised caller. */
export const actsOnCallerReason = 'acts on the caller; no disposable caller given';

const methodsToTry = ['get', 'put', 'post', 'delete', 'patch'];

export function planUnits(
  ctx: SchemaContext,
  model: SpecModel,
  operations: readonly OperationModel[],
  baseUrl: string,
  credentials: FuzzCredentials | undefined,
  requests: number,
  kind: FuzzTarget['kind'] = 'server',
  disposableCaller = false,
): Plan {
  const notApplicable = new Map<CheckName, Map<string, string>>();
  const na = (check: CheckName, operationId: string, reason: string): void => {
    if (!notApplicable.has(check)) notApplicable.set(check, new Map());
    const before = notApplicable.get(check)!.get(operationId);
    notApplicable.get(check)!.set(operationId, before === undefined ? reason : `${before}; ${reason}`);
  };
  const units: Unit[] = [];
  const share = requests / Math.max(1, operations.length);
  const firstOfPath = new Map<string, OperationModel>();
  for (const operation of operations) if (!firstOfPath.has(operation.path)) firstOfPath.set(operation.path, operation);
  for (const operation of operations) {
    const id = operation.operationId;
    const make = (cls: RequestClass, arbitrary: fc.Arbitrary<Planned>): Unit => ({ operation, class: cls, arbitrary, runs: 0 });
    const mine: Array<[Unit, number]> = [];
    let spare = 0;
    const authorised = credentials !== undefined || !isSecured(operation);
    // A request that changes or removes its caller must not be sent as the run's only caller: it
    // goes as a disposable caller (forCaller), or, without one, is not sent at all.
    const spendsCaller = operation.actsOnCaller && kind === 'server' && credentials !== undefined;
    const asCaller = (build: (caller: FuzzCredentials) => RawRequest) => (spendsCaller ? { forCaller: build } : {});
    if (spendsCaller && !disposableCaller) {
      for (const check of allChecks) if (check !== 'ignored_auth' && check !== 'unsupported_method') na(check, id, actsOnCallerReason);
    } else {
      const toPlanned = (cls: RequestClass) => (values: Planned['values']): Planned => ({
        generated: { operationId: id, class: cls, description: `${cls}: valid for every schema of the operation`, request: buildRequest(baseUrl, operation, values, credentials) },
        expectation: 'valid',
        values,
        authorised,
        ...asCaller((caller) => buildRequest(baseUrl, operation, values, caller)),
      });
      mine.push([make('positive', positiveValues(ctx, operation).map(toPlanned('positive'))), classWeights.positive]);
      if (!authorised) na('positive_data_acceptance', id, 'no credentials given: no authorised caller for this secured operation');

      const negative = negativeValues(ctx, operation);
      if (negative.arbitrary !== undefined) {
        mine.push([
          make(
            'negative',
            negative.arbitrary.map(({ values, description }) => ({
              generated: { operationId: id, class: 'negative', description, request: buildRequest(baseUrl, operation, values, credentials) },
              expectation: negativeExpectation(kind, operation, values),
              values,
              authorised,
              ...asCaller((caller) => buildRequest(baseUrl, operation, values, caller)),
            })),
          ),
          classWeights.negative,
        ]);
        if (kind === 'mock' && operation.body !== undefined && !operation.body.required) na('negative_data_rejection', id, mockReasons.nullBody);
      } else {
        spare += classWeights.negative;
        na('negative_data_rejection', id, negative.reason);
      }

      const mutations = transportMutations(operation);
      if (kind === 'mock' && mutations.some((m) => m.serverRule === true)) na('negative_data_rejection', id, mockReasons.wireRules);
      const forced = positiveValues(ctx, operation, true);
      const transport = fc.tuple(forced, fc.nat(), fc.constantFrom(...mutations)).map(([values, pick, mutation]): Planned => {
        const mutated = mutation.apply(values, pick) ?? mutations.at(-1)!.apply(values, pick)!;
        const sentValues = mutated.values ?? values;
        const request = buildRequest(baseUrl, operation, sentValues, credentials, mutated.options);
        let expectation: Expectation | undefined;
        return {
          generated: { operationId: id, class: 'transport', description: `transport: ${mutated.description}`, request },
          // Settled on first use: shrinking maps candidates it never sends, and settling a 1 MiB
          // body (decode, parse, validate) costs milliseconds.
          get expectation() {
            return (expectation ??= transportExpectation(kind, mutated, expectationOf(ctx, operation, mutated, request.body)));
          },
          values: sentValues,
          oddHost: mutated.oddHost,
          authorised,
          ...asCaller((caller) => buildRequest(baseUrl, operation, sentValues, caller, mutated.options)),
        };
      });
      mine.push([make('transport', transport), classWeights.transport]);
    }

    if (isSecured(operation)) {
      // Credentials made from the caller's, wrongly accepted, would act on the caller too.
      const variants = authVariantsFor(kind, authVariants(credentials)).filter((v) => !(spendsCaller && !disposableCaller && v.fromCredentials === true));
      const variantFor = (caller: FuzzCredentials, description: string) => authVariants(caller).find((v) => v.description === description)!;
      if (kind === 'mock') na('ignored_auth', id, mockReasons.ignoredAuth);
      const auth = fc.tuple(positiveValues(ctx, operation), fc.constantFrom(...variants)).map(([values, variant]): Planned => ({
        generated: {
          operationId: id,
          class: 'auth',
          description: `auth: ${variant.description}`,
          request: buildRequest(baseUrl, operation, values, credentials, { authHeaders: variant.headers }),
        },
        expectation: variant.expectation,
        values,
        authorised: false,
        ...(variant.fromCredentials === true ? asCaller((caller) => buildRequest(baseUrl, operation, values, caller, { authHeaders: variantFor(caller, variant.description).headers })) : {}),
      }));
      mine.push([make('auth', auth), classWeights.auth]);
    } else {
      spare += classWeights.auth;
      na('ignored_auth', id, 'the operation has no security requirement (or an optional one)');
    }

    const declared = model.paths.get(operation.path) ?? [];
    let missing = methodsToTry.filter((m) => !declared.includes(m));
    const shadowed = kind === 'mock' && firstOfPath.get(operation.path) === operation ? shadowedMethods(model, operation, missing) : new Map<string, string[]>();
    if (shadowed.size > 0) {
      na('unsupported_method', id, mockReasons.shadowedMethods([...shadowed.keys()], operation.path, [...new Set([...shadowed.values()].flat())]));
      missing = missing.filter((m) => !shadowed.has(m));
    }
    if (firstOfPath.get(operation.path) !== operation) {
      na('unsupported_method', id, `sent per path: judged under ${firstOfPath.get(operation.path)?.operationId} for ${operation.path}`);
      spare += classWeights.method;
    } else if (missing.length === 0) {
      if (shadowed.size === 0) na('unsupported_method', id, `every method of ${methodsToTry.join('/')} is declared on ${operation.path}`);
      spare += classWeights.method;
    } else {
      const method = fc.tuple(positiveValues(ctx, operation), fc.constantFrom(...missing)).map(([values, m]): Planned => {
        const bare = { ...values, body: undefined };
        return {
          generated: {
            operationId: id,
            class: 'method',
            description: `method: ${m.toUpperCase()} ${operation.path} (not declared)`,
            request: buildRequest(baseUrl, operation, bare, credentials, { method: m }),
          },
          expectation: 'unsupported-method',
          values: bare,
          authorised,
        };
      });
      mine.push([make('method', method), classWeights.method]);
    }
    if (mine.length === 0) continue;
    mine[0]![1] += spare;
    const total = mine.reduce((n, [, w]) => n + w, 0);
    for (const [unit, weight] of mine) {
      unit.runs = Math.max(1, Math.round((share * weight) / total));
      if (unit.class === 'method') unit.runs = Math.max(unit.runs, missing.length);
      units.push(unit);
    }
  }
  return { units, notApplicable };
}
