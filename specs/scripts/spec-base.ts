// Which committed spec a working-tree spec is compared with, and the comparison itself: shared by
// `npm run diff` (the gate) and `npm run docs` (which puts the changelog on the docs page).
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { specsDir } from './apis.ts';
import { runRedocly } from './run-redocly.ts';
import { diffSpecs, type SpecDiffResult } from './spec-diff.ts';

/** The git base: a ref, the commit it names, and how it was chosen. */
export interface SpecBase {
  readonly ref: string;
  readonly commit: string;
  readonly how: string;
}

function git(args: string[]): string | undefined {
  try {
    return execFileSync('git', args, { cwd: specsDir, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    return undefined;
  }
}

/**
 * `given` (a `--base` ref or SPEC_DIFF_BASE), else the merge base with main, so that a branch is
 * compared with where it left main and main itself with HEAD. Undefined outside a git checkout.
 */
export function specBase(given: string | undefined): SpecBase | undefined {
  const candidates: [string, string][] =
    given !== undefined && given !== '' ? [[given, 'as given']] : [['main', 'merge base with main'], ['origin/main', 'merge base with origin/main'], ['HEAD', 'HEAD']];
  for (const [ref, how] of candidates) {
    const commit = how === 'as given' || ref === 'HEAD' ? git(['rev-parse', '--verify', `${ref}^{commit}`]) : git(['merge-base', 'HEAD', ref]);
    if (commit !== undefined) return { ref, commit, how };
    if (how === 'as given') return undefined;
  }
  return undefined;
}

/** What comparing one API with the base gave; `result` undefined when the API is new since then. */
export interface ApiComparison {
  readonly api: string;
  readonly result?: SpecDiffResult | undefined;
  /** specs/docs/<api>-changes.md, written when the API existed at the base. */
  readonly changelog?: string | undefined;
}

/**
 * Compares the API's sources now (bundled afresh, so an edit counts before it is regenerated) with
 * the bundle committed at the base (generate:check keeps that equal to its sources), and writes the
 * changelog.
 */
export function compareWithBase(api: string, base: SpecBase): ApiComparison {
  const committed = git(['show', `${base.commit}:specs/generated/${api}.openapi.json`]);
  if (committed === undefined) return { api };
  const work = mkdtempSync(join(tmpdir(), 'spec-diff-run-'));
  try {
    const basePath = join(work, `${api}@${base.commit.slice(0, 12)}.json`);
    const revisionPath = join(work, `${api}@working-tree.json`);
    writeFileSync(basePath, committed);
    runRedocly(['bundle', api, '--ext', 'json', '--output', revisionPath]);
    const docsDir = join(specsDir, 'docs');
    mkdirSync(docsDir, { recursive: true });
    const changelog = join(docsDir, `${api}-changes.md`);
    const result = diffSpecs(basePath, revisionPath, changelog);
    const report = readFileSync(changelog, 'utf8').replace(/^## API diff: .*\n/m, '');
    const title = `# ${api} ${result.versions.revision}: changes since ${base.ref === base.commit ? base.commit.slice(0, 12) : `${base.ref} (${base.commit.slice(0, 12)})`}`;
    writeFileSync(changelog, `${title}\n\n${result.verdict}.\n${result.bump === 'none' ? '' : `\n${report.trim()}\n`}`);
    return { api, result, changelog };
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
