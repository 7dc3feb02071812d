export * from './bootstrap-admin.ts';
export * from './credential-authenticator.ts';
export * from './password-hasher.ts';
export * from './per-record.ts';
export * from './sign-in-throttle.ts';
