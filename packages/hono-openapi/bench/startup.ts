/**
 * Start-up cost: time to compile both real specs with `createOpenApiApp` (request validators,
 * security, routes; and response validators when validation is on). Run in its own process by
 * bench/run.ts so the first measurement is a cold one. Prints one JSON line.
 */
import { performance } from 'node:perf_hooks';
import { camundaSpec } from '@repo/specs/camunda';
import { onezoneSpec } from '@repo/specs/onezone';
import { createOpenApiApp, basic, type ResponseValidationMode } from '../src/index.ts';
import { errorBodyErrors } from '../test/fixtures/error-body-errors.ts';
import { problemErrors } from '../test/fixtures/problem-errors.ts';

const security = { basicAuth: basic(() => ({})) };
const runs = Number(process.argv[2] ?? 9);

function compileBoth(validateResponses: ResponseValidationMode): number {
  const start = performance.now();
  createOpenApiApp({ spec: camundaSpec, errors: problemErrors, security, validateResponses });
  createOpenApiApp({ spec: onezoneSpec, errors: errorBodyErrors, security, validateResponses });
  return performance.now() - start;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;

const cold = compileBoth('off');
const off = Array.from({ length: runs }, () => compileBoth('off'));
const on = Array.from({ length: runs }, () => compileBoth('throw'));
console.log(JSON.stringify({ coldMs: cold, medianOffMs: median(off), medianWithResponseValidationMs: median(on), runs }));
