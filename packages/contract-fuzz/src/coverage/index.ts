/**
 * Coverage: which documented (operation, status) pairs a run reached (measured by `redocly drift`
 * over its HAR), which are excused by the exceptions file, and the matrices that print them.
 */
export * from './coverage-exceptions.ts';
export * from './coverage-matrix.ts';
export * from './documented-statuses.ts';
export * from './drift-coverage.ts';
export * from './example-matrix.ts';
