export * from './capture-logger.ts';
export * from './postgres.ts';
export * from './store-backends.ts';
