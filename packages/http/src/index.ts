export * from './client-address.ts';
export * from './health.ts';
export * from './public-origin.ts';
export * from './request-logger.ts';
export * from './serve.ts';
