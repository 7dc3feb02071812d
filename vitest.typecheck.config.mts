import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'types',
          typecheck: { enabled: true, only: true, include: ['{specs,packages,apps,tests}/**/*.test-d.ts'], exclude: ['**/node_modules/**', 'packages/msw-handlers/**', 'apps/web/**'], tsconfig: './tsconfig.json' },
        },
      },
      {
        test: {
          name: 'types (DOM)',
          typecheck: { enabled: true, only: true, include: ['{packages/msw-handlers,apps/web}/**/*.test-d.ts'], exclude: ['**/node_modules/**'], tsconfig: './tsconfig.dom.json' },
        },
      },
    ],
  },
});
