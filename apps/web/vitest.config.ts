import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'e2e/**/*.test.ts'],
    // The e2e file builds the page, starts two Prism mocks and a browser once, in beforeAll.
    hookTimeout: 120_000,
    testTimeout: 30_000,
  },
});
