/** The one shell every API server is built from: its start-up path, its app shell and its operation registry. */
export * from './admin-banner.ts';
export * from './cors-settings.ts';
export * from './operation-handlers.ts';
export * from './refusal-of.ts';
export * from './service-app.ts';
export * from './service-definition.ts';
export * from './start-service.ts';
