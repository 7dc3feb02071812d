/**
 * What both servers' `npm run bench` share: core pinning, launching the server under test in its
 * own pinned process, and the raw argon2id hash rate the create case is compared with.
 * `import { startBenchServer } from '@repo/bench'`. Not for production code.
 */
export * from './cores.ts';
export * from './bench-server.ts';
export * from './raw-hash-rate.ts';
export * from './replica-throughput.ts';
