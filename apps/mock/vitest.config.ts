import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts'],
    // Prism takes a few seconds to start, far more when the two cores are busy with other suites.
    hookTimeout: 90_000,
    exclude: ['**/node_modules/**', '**/dist/**'],
    // No module mocks or other per-file module state here: sharing the imports across test files
    // (the app, its compiled spec validators) halves this workspace's CPU in `npm test`.
    isolate: false,
  },
});
