import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts'],
    exclude: ['**/node_modules/**', '**/dist/**'],
    // No module mocks or other per-file module state here: one module graph for all test files
    // spends about half the CPU of re-importing it per file (measured 2026-11-28 for #12).
    isolate: false,
    // The type tests (`*.test-d.ts`) run in the root's `npm run typecheck`, one tsc over the repo;
    // `npx vitest run --typecheck` here runs this workspace's alone.
    typecheck: { include: ['src/**/*.test-d.ts'], tsconfig: './tsconfig.json' },
  },
});
