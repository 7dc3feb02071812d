import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['**/*.test.ts'],
    exclude: ['**/node_modules/**', '**/dist/**'],
    // The compile-error proofs (`*.test-d.ts`) run in the root's `npm run typecheck`, one tsc over the
    // repo; `npx vitest run --typecheck` here runs this workspace's alone.
    typecheck: {
      include: ['**/*.test-d.ts'],
      tsconfig: './tsconfig.json',
    },
  },
});
