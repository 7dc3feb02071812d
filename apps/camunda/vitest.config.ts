import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['**/*.test.ts'],
    exclude: ['**/node_modules/**', '**/dist/**'],
    // No module mocks or other per-file module state here: sharing the imports across test files
    // (the app, its compiled spec validators) halves this workspace's CPU in `npm test`.
    isolate: false,
  },
});
