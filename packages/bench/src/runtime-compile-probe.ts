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

/**
 * Apps made from the same spec object share its compiled validators, so every run after the first
 * compiles copies of the specs, made before the clock starts.
 */
function compileBoth(validateResponses: ResponseValidationMode, fresh: boolean): number {
  const specs = fresh ? [structuredClone(camundaSpec), structuredClone(onezoneSpec)] : [camundaSpec, onezoneSpec];
  const start = performance.now();
  createOpenApiApp({ spec: specs[0]!, errors: camundaErrors, security, validateResponses });
  createOpenApiApp({ spec: specs[1]!, errors: onezoneErrors, security, validateResponses });
  return performance.now() - start;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? Number.NaN;

const firstMs = compileBoth('off', false);
const off = Array.from({ length: runs }, () => compileBoth('off', true));
const on = Array.from({ length: runs }, () => compileBoth('throw', true));
console.log(JSON.stringify({ firstMs, medianOffMs: median(off), medianWithResponseValidationMs: median(on), runs }));
