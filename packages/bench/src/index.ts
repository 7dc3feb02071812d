/**
 * The benchmark tooling's building blocks: core pinning, the raw argon2id hash rate the creates
 * are compared with, and the replica throughput. `npm run bench` at the root runs `src/run.ts`,
 * which uses them. Not for production code.
 */
export * from './cores.ts';
export * from './raw-hash-rate.ts';
export * from './replica-throughput.ts';
