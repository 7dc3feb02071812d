// The vitest projects of `npm run test:units` (vitest.units.config.mts). A workspace whose suite
// needs nothing of its own (its config sets only which files, and `isolate: false`) joins one
// shared project: one worker and one module graph for all of them, where a project per workspace
// started a worker per workspace and imported the packages they share again in each (the units run
// alone: 92 and 89 → 73 and 73 CPU-s, 87 and 83 → 69 and 69 s in alternating pairs, measured
// 2026-11-29 for #12). Any other workspace (its own timeouts, or isolated files) stays a project of
// its own, as its config says.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { loadConfigFromFile } from 'vite';
import { configDefaults } from 'vitest/config';

/** The options a workspace may set and still share the project: which files, and no isolation. */
const SHARABLE = new Set(['include', 'exclude', 'isolate', 'typecheck']);

/** The names vitest looks for, in its order. */
const CONFIG_FILES = ['vitest.config.ts', 'vitest.config.mts', 'vitest.config.cts', 'vitest.config.js', 'vitest.config.mjs', 'vitest.config.cjs'];

/** The name of the shared project in vitest's output. */
export const SHARED_PROJECT = 'units';

/** Whether a workspace's `test` options let its files run in the shared project. */
export function canShare(test) {
  return test !== undefined && test.isolate === false && Object.keys(test).every((key) => SHARABLE.has(key));
}

/**
 * The projects for `workspaces` ({ folder, test }: the folder relative to `root`, the `test`
 * options of its vitest config): one shared project for those that can share it, the folder
 * itself (its own config) for every other.
 */
export function groupUnitProjects(root, workspaces) {
  const sharing = workspaces.filter(({ test }) => canShare(test));
  const own = workspaces.filter(({ test }) => !canShare(test)).map(({ folder }) => folder);
  if (sharing.length === 0) return own;
  const within = (folder, patterns) => patterns.map((pattern) => `${folder}/${pattern}`);
  const shared = {
    test: {
      name: SHARED_PROJECT,
      root,
      include: sharing.flatMap(({ folder, test }) => within(folder, test.include ?? configDefaults.include)),
      exclude: sharing.flatMap(({ folder, test }) => within(folder, test.exclude ?? configDefaults.exclude)),
      isolate: false,
    },
  };
  return [shared, ...own];
}

/** Reads each folder's vitest config (as vitest would, through Vite) and groups them. */
export async function unitProjects(root, folders) {
  const workspaces = await Promise.all(
    folders.map(async (folder) => {
      const file = CONFIG_FILES.map((name) => join(root, folder, name)).find((path) => existsSync(path));
      if (file === undefined) return { folder, test: undefined };
      const loaded = await loadConfigFromFile({ command: 'serve', mode: 'test' }, file, join(root, folder), 'silent');
      const config = typeof loaded?.config === 'function' ? await loaded.config({ command: 'serve', mode: 'test' }) : loaded?.config;
      return { folder, test: config?.test };
    }),
  );
  return groupUnitProjects(root, workspaces);
}
