import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'e2e/**/*.test.ts'],
    exclude: ['**/node_modules/**', '**/dist/**'],
    // The browser test starts Vite and Chromium once, in beforeAll.
    hookTimeout: 120_000,
    // Type tests (`*.test-d.ts`) run with the others; the test script also passes --typecheck.
    typecheck: { enabled: true, include: ['src/**/*.test-d.ts'], tsconfig: './tsconfig.json' },
  },
});
