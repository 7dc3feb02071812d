/**
 * @repo/contract-fuzz — contract verification generated from a bundled OpenAPI 3.1 spec.
 */
export type * from './types.ts';
export { runFuzz, FuzzAbortedError } from './run/run-fuzz.ts';
export { formatReport } from './report/format-report.ts';
export { toCurl } from './curl.ts';
