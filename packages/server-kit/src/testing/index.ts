/** Test helpers: `import { findTestPostgres } from '@repo/server-kit/testing'`. Not for production code. */
export * from './capture-logger.ts';
export * from './postgres.ts';
export * from './store-backends.ts';
