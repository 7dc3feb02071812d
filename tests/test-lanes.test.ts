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

const units = unitWorkspaces as (root?: string) => string[];
const folders = workspaceFolders as (root?: string) => string[];
const contractLane = CONTRACT_LANE as string[];

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
