import { defineConfig } from 'vitest/config';
// @ts-expect-error: a plain .mjs script of the root, without types
import { unitWorkspaces } from './scripts/test-lanes.mjs';

// Every workspace's suite but the contract lane's, each as a project with its own vitest config;
// see scripts/test-lanes.mjs. A workspace's own `npm test` still runs its suite alone.
export default defineConfig({
  test: {
    projects: (unitWorkspaces as () => string[])(),
    // One test file at a time: in `npm test` the contract lane's two workers share the two cores,
    // and two workers here would each import their projects' modules again (~20 CPU-s more).
    // Alone, `npm run test:units -- --maxWorkers=2` is faster.
    maxWorkers: 1,
  },
});
