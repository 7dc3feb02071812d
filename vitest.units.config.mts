import { fileURLToPath } from 'node:url';
import { defineConfig, type TestProjectConfiguration } from 'vitest/config';
// @ts-expect-error: plain .mjs scripts of the root, without types
import { unitWorkspaces } from './scripts/test-lanes.mjs';
// @ts-expect-error: as above
import { unitProjects } from './scripts/unit-projects.mjs';

const root = fileURLToPath(new URL('.', import.meta.url)).replace(/\/$/, '');

// Every workspace's suite but the contract lane's (scripts/test-lanes.mjs): those that need nothing
// of their own in one shared project, the others each as a project with its own vitest config
// (scripts/unit-projects.mjs). A workspace's own `npm test` still runs its suite alone.
export default defineConfig({
  test: {
    projects: await (unitProjects as (root: string, folders: string[]) => Promise<TestProjectConfiguration[]>)(root, (unitWorkspaces as () => string[])()),
    // One test file at a time: in `npm test` the contract lane's two workers share the two cores,
    // and two workers here would each import their projects' modules again (~20 CPU-s more).
    // Alone, `npm run test:units -- --maxWorkers=2` is faster.
    maxWorkers: 1,
  },
});
