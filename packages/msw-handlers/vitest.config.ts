import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'e2e/**/*.test.ts'],
    exclude: ['**/node_modules/**', '**/dist/**'],
    // The browser test starts Vite and Chromium once, in beforeAll.
    hookTimeout: 120_000,
    // The type tests (`*.test-d.ts`) run in the root's `npm run typecheck`, one tsc over the repo;
    // `npx vitest run --typecheck` here runs this workspace's alone.
    typecheck: { include: ['src/**/*.test-d.ts'], tsconfig: './tsconfig.json' },
  },
});
