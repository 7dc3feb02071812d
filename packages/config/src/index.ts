export * from './common-server-config.ts';
export * from './env.ts';
export * from './logger.ts';
export * from './password-hash-cost.ts';
export * from './redact-url.ts';
