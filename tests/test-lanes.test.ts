/**
 * `npm test` runs every workspace's suite in one of its two lanes (scripts/test-lanes.mjs): the
 * contract lane's by package name, every other one as a project of `npm run test:units`.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { repoRoot } from './support/apis.ts';
// @ts-expect-error: a plain .mjs script of the root, without types
import { CONTRACT_LANE, unitWorkspaces, workspaceFolders } from '../scripts/test-lanes.mjs';
// @ts-expect-error: as above
import { groupUnitProjects, SHARED_PROJECT, unitProjects } from '../scripts/unit-projects.mjs';

const units = unitWorkspaces as (root?: string) => string[];
const folders = workspaceFolders as (root?: string) => string[];
const contractLane = CONTRACT_LANE as string[];
type SharedProject = { test: { name: string; root: string; include: string[]; exclude: string[]; isolate: boolean } };
type Project = string | SharedProject;
const group = groupUnitProjects as (root: string, workspaces: { folder: string; test?: Record<string, unknown> }[]) => Project[];
const projectsOf = unitProjects as (root: string, folders: string[]) => Promise<Project[]>;

const made: string[] = [];
afterEach(() => {
  for (const folder of made.splice(0)) rmSync(folder, { recursive: true, force: true });
});

function repo(workspaces: string[], packages: Record<string, { name: string; scripts?: Record<string, string> }>): string {
  const root = mkdtempSync(join(tmpdir(), 'test-lanes-'));
  made.push(root);
  writeFileSync(join(root, 'package.json'), JSON.stringify({ workspaces }));
  for (const [folder, manifest] of Object.entries(packages)) {
    mkdirSync(join(root, folder), { recursive: true });
    writeFileSync(join(root, folder, 'package.json'), JSON.stringify(manifest));
  }
  return root;
}

describe('the test lanes', () => {
  it('run each of this repository’s workspaces with a suite in exactly one lane', () => {
    const unitFolders = units();
    for (const folder of folders()) {
      const manifest = JSON.parse(readFileSync(join(repoRoot, folder, 'package.json'), 'utf8')) as { name: string; scripts?: { test?: string } };
      if (manifest.scripts?.test === undefined) continue;
      const lanes = [unitFolders.includes(folder), contractLane.includes(manifest.name)].filter(Boolean);
      expect(lanes, folder).toHaveLength(1);
    }
    expect(unitFolders).toContain('packages/hono-openapi');
    expect(unitFolders).toContain('apps/onezone');
    expect(unitFolders).not.toContain('tests');
    expect(unitFolders).not.toContain('apps/mock');
    expect(contractLane).toEqual(expect.arrayContaining(['@repo/contract-tests', '@repo/mock']));
  });

  it('take a new workspace’s suite into the units run without a list to edit', () => {
    const root = repo(['specs', 'packages/*', 'tests'], {
      specs: { name: '@repo/specs', scripts: { test: 'vitest run' } },
      'packages/new-thing': { name: '@repo/new-thing', scripts: { test: 'vitest run' } },
      'packages/no-tests': { name: '@repo/no-tests', scripts: { build: 'tsc' } },
      tests: { name: '@repo/contract-tests', scripts: { test: 'vitest run' } },
    });
    mkdirSync(join(root, 'packages', 'not-a-package'));
    expect(folders(root)).toEqual(['specs', 'packages/new-thing', 'packages/no-tests', 'packages/not-a-package', 'tests']);
    expect(units(root)).toEqual(['specs', 'packages/new-thing']);
  });
});

describe('the units run', () => {
  it('puts the workspaces that set only their files and no isolation in one shared project, the others in their own', () => {
    const projects = group('/repo', [
      { folder: 'packages/a', test: { include: ['**/*.test.ts'], exclude: ['**/dist/**'], isolate: false } },
      { folder: 'apps/b', test: { include: ['src/**/*.test.ts'], isolate: false, typecheck: { include: ['src/**/*.test-d.ts'] } } },
      { folder: 'apps/isolated', test: { include: ['src/**/*.test.ts'] } },
      { folder: 'packages/slow-hooks', test: { include: ['**/*.test.ts'], isolate: false, hookTimeout: 120_000 } },
      { folder: 'packages/defaults' },
    ]);
    expect(projects).toEqual([
      {
        test: {
          name: SHARED_PROJECT,
          root: '/repo',
          include: ['packages/a/**/*.test.ts', 'apps/b/src/**/*.test.ts'],
          exclude: ['packages/a/**/dist/**', 'apps/b/**/node_modules/**', 'apps/b/**/.git/**'],
          isolate: false,
        },
      },
      'apps/isolated',
      'packages/slow-hooks',
      'packages/defaults',
    ]);
  });

  it('has no shared project when no workspace can share one', () => {
    expect(group('/repo', [{ folder: 'specs', test: { include: ['test/**/*.test.ts'] } }])).toEqual(['specs']);
  });

  it('runs each of this repository’s unit workspaces once, as vitest reads their configs', async () => {
    const unitFolders = units();
    const projects = await projectsOf(repoRoot, unitFolders);
    const shared = projects.filter((project): project is SharedProject => typeof project !== 'string');
    expect(shared).toHaveLength(1);
    const sharing = unitFolders.filter((folder) => shared[0]!.test.include.some((pattern) => pattern.startsWith(`${folder}/`)));
    const own = projects.filter((project): project is string => typeof project === 'string');
    expect([...sharing, ...own].sort()).toEqual([...unitFolders].sort());
    expect(sharing).toEqual(expect.arrayContaining(['packages/hono-openapi', 'apps/onezone', 'apps/camunda']));
    // Its own timeouts: a browser started once in beforeAll.
    expect(own).toContain('apps/web');
  });
});
