/** Arbitraries of whole requests' values: positive, and negative (one keyword broken at one place). */
import fc from 'fast-check';
import { negativeCases } from '../schema/negative.ts';
import { boundedFilter } from '../schema/bounded-filter.ts';
import { positive, type SchemaContext } from '../schema/positive.ts';
import { jsonMedia, type MediaModel, type OperationModel, type ParameterModel } from '../spec/operations.ts';
import { parameterText, type RequestValues } from './build.ts';
import { coerceParameter, sendable } from './parameters.ts';

/** How sure the generator must be before it uses a case: confirmed invalid in a sample of this size. */
const probeRuns = 24;

/** The operation's JSON body, when it has one; undefined when it has none or only non-JSON media. */
export function bodyMedia(operation: OperationModel): MediaModel | undefined {
  return operation.body === undefined ? undefined : jsonMedia(operation.body.content);
}

function parameterArbitrary(ctx: SchemaContext, parameter: ParameterModel): fc.Arbitrary<unknown> {
  return boundedFilter(
    positive(ctx, parameter.schema),
    (value) => {
      const text = parameterText(value);
      return sendable(parameter, text) && ctx.validator.validate(parameter.schemaPointer, coerceParameter(ctx, parameter, text));
    },
    `${parameter.in} parameter ${parameter.name}`,
  );
}

/** Positive values of every parameter and the body (`forceBody`: always send the body, even an optional one). */
export function positiveValues(ctx: SchemaContext, operation: OperationModel, forceBody = false): fc.Arbitrary<RequestValues> {
  const group = (location: ParameterModel['in']): fc.Arbitrary<Record<string, unknown>> => {
    const own = operation.parameters.filter((p) => p.in === location);
    const record: Record<string, fc.Arbitrary<unknown>> = {};
    for (const p of own) record[p.name] = parameterArbitrary(ctx, p);
    return fc.record(record, { requiredKeys: own.filter((p) => p.required).map((p) => p.name) });
  };
  const media = bodyMedia(operation);
  let body: fc.Arbitrary<unknown> = fc.constant(undefined);
  if (media?.schemaPointer !== undefined) {
    const pointer = media.schemaPointer;
    const valid = boundedFilter(positive(ctx, media.schema), (value) => ctx.validator.validate(pointer, value), `the body of ${operation.operationId}`);
    body = operation.body?.required === true || forceBody ? valid : fc.option(valid, { nil: undefined, freq: 4 });
  }
  return fc.record({ path: group('path'), query: group('query'), header: group('header'), body });
}

export interface NegativeValues {
  readonly values: RequestValues;
  readonly description: string;
}

export interface NegativeGeneration {
  /** Undefined when no negative case exists; then `reason` says why. */
  readonly arbitrary?: fc.Arbitrary<NegativeValues>;
  readonly cases: number;
  readonly reason: string;
}

/** Negative requests: each breaks one keyword of one parameter or of the body, the rest positive. */
export function negativeValues(ctx: SchemaContext, operation: OperationModel): NegativeGeneration {
  const base = positiveValues(ctx, operation);
  const cases: Array<fc.Arbitrary<NegativeValues>> = [];
  const none: string[] = [];
  const media = bodyMedia(operation);
  if (media?.schemaPointer !== undefined) {
    const pointer = media.schemaPointer;
    for (const c of negativeCases(ctx, media.schema)) {
      const confirmed = boundedFilter(c.arbitrary, (value) => !ctx.validator.validate(pointer, value), `a ${c.keyword} violation in the body of ${operation.operationId}`);
      if (!probe(c.arbitrary, (v) => !ctx.validator.validate(pointer, v))) continue;
      const where = `/${c.path.join('/')}`;
      cases.push(
        fc.tuple(base, confirmed).map(([values, body]) => ({ values: { ...values, body }, description: `negative: body ${where} violates ${c.keyword}` })),
      );
    }
  } else if (operation.body !== undefined) none.push('request body has no JSON media type');
  for (const parameter of operation.parameters) {
    const before = cases.length;
    const invalidText = (text: string): boolean =>
      sendable(parameter, text) && !ctx.validator.validate(parameter.schemaPointer, coerceParameter(ctx, parameter, text));
    for (const c of negativeCases(ctx, parameter.schema)) {
      if (c.path.length > 0) continue;
      const texts = c.arbitrary.map((v) => parameterText(v));
      if (!probe(texts, invalidText)) continue;
      cases.push(
        fc.tuple(base, boundedFilter(texts, invalidText, `a ${c.keyword} violation of ${parameter.in} parameter ${parameter.name}`)).map(([values, text]) => ({
          values: { ...values, [parameter.in]: { ...values[parameter.in], [parameter.name]: text } },
          description: `negative: ${parameter.in} parameter ${parameter.name}=${JSON.stringify(text).slice(0, 60)} violates ${c.keyword}`,
        })),
      );
    }
    if (parameter.required && parameter.in !== 'path') {
      cases.push(
        base.map((values) => {
          const { [parameter.name]: _gone, ...rest } = values[parameter.in];
          return { values: { ...values, [parameter.in]: rest }, description: `negative: required ${parameter.in} parameter ${parameter.name} missing` };
        }),
      );
    }
    if (cases.length === before) {
      none.push(`${parameter.in} parameter ${parameter.name}: every sendable value is valid for its schema, so it has no negative case`);
    }
  }
  if (operation.body === undefined) none.push('no request body');
  const reason = none.join('; ');
  if (cases.length === 0) return { cases: 0, reason: reason || 'no keyword to violate' };
  return { arbitrary: fc.oneof(...cases), cases: cases.length, reason };
}

/** Whether an arbitrary yields confirmed values at all (so a filter on it cannot spin forever). */
function probe<T>(raw: fc.Arbitrary<T>, ok: (value: T) => boolean): boolean {
  return fc.sample(raw, { numRuns: probeRuns, seed: 1 }).some(ok);
}
