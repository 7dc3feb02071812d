/**
 * @repo/contract-fuzz — contract verification generated from a bundled OpenAPI 3.1 spec.
 */
export type * from './types.ts';
