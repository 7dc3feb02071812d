/**
 * Run in a fresh process by sections/runtime-compile.ts: the time `createOpenApiApp` takes to
 * compile both real specs (request validators, security, routes; response validators too when
 * on), with the servers' own error mappers. `runtime-compile-probe.ts <runs>` prints one JSON line.
 */
import { camundaErrors } from '@repo/camunda-server';
import { apiKey, basic, bearer, createOpenApiApp, type ResponseValidationMode } from '@repo/hono-openapi';
import { onezoneErrors } from '@repo/onezone-server';
import { camundaSpec } from '@repo/specs/camunda';
import { onezoneSpec } from '@repo/specs/onezone';

// Every scheme either spec declares; the verifiers never run here.
const security = { basicAuth: basic(() => ({})), tokenAuth: apiKey(() => ({})), bearerAuth: bearer(() => ({})) };
const runs = Number(process.argv[2] ?? 9);

function compileBoth(validateResponses: ResponseValidationMode): number {
  const start = performance.now();
  createOpenApiApp({ spec: camundaSpec, errors: camundaErrors, security, validateResponses });
  createOpenApiApp({ spec: onezoneSpec, errors: onezoneErrors, security, validateResponses });
  return performance.now() - start;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? Number.NaN;

const firstMs = compileBoth('off');
const off = Array.from({ length: runs }, () => compileBoth('off'));
const on = Array.from({ length: runs }, () => compileBoth('throw'));
console.log(JSON.stringify({ firstMs, medianOffMs: median(off), medianWithResponseValidationMs: median(on), runs }));
