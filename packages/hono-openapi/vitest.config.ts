import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['**/*.test.ts'],
    exclude: ['**/node_modules/**', '**/dist/**'],
    // `vitest run --typecheck` also type-checks the *.test-d.ts files: the compile-error proofs.
    typecheck: {
      include: ['**/*.test-d.ts'],
      tsconfig: './tsconfig.json',
    },
  },
});
