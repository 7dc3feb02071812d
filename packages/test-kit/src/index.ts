/** The one test kit: the service test app, spec-checked fetch and clients, and the lower packages' test support. */
export * from './checked-fetch.ts';
export * from './service-test-app.ts';
export * from './spec-checker.ts';
export * from './store-conformance.ts';
export * from '@repo/test-support';
