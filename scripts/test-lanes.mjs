// How `npm test` splits the suites between its two turbo runs (scripts/run-tests.mjs): the
// contract suites, and the mock's, whose time is mostly spent waiting on the servers and Prism they
// start, in one lane; every other workspace's suite in the other, in one vitest process
// (vitest.units.config.mts, `npm run test:units`; which of them share one project:
// scripts/unit-projects.mjs). One vitest start instead of
// one per workspace: each cost ~1 CPU-s of loading vitest and vite, plus ~0.3 of npm, before a
// single test ran (these suites took 76.7 CPU-s one by one and 58.6 together, measured 2026-11-28
// for #12). The list is read from the workspaces, so that a new workspace's suite runs without
// anyone remembering to add it.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

/** The packages whose `test` task runs in the contract lane, by package name. */
export const CONTRACT_LANE = ['@repo/contract-tests', '@repo/mock'];

function readJson(file) {
  return JSON.parse(readFileSync(file, 'utf8'));
}

/** Every workspace folder (relative to the root) that the root's `workspaces` names, `dir/*` expanded. */
export function workspaceFolders(root = ROOT) {
  return readJson(join(root, 'package.json')).workspaces.flatMap((pattern) => {
    if (!pattern.endsWith('/*')) return [pattern];
    const parent = pattern.slice(0, -2);
    return readdirSync(join(root, parent), { withFileTypes: true })
      .filter((entry) => entry.isDirectory())
      .map((entry) => `${parent}/${entry.name}`)
      .sort();
  });
}

/** The workspace folders whose suites run together in `npm run test:units`: a `test` script, not in the contract lane. */
export function unitWorkspaces(root = ROOT) {
  return workspaceFolders(root).filter((folder) => {
    const manifest = join(root, folder, 'package.json');
    if (!existsSync(manifest)) return false;
    const { name, scripts } = readJson(manifest);
    return scripts?.test !== undefined && !CONTRACT_LANE.includes(name);
  });
}
