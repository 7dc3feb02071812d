// The breaking-change gate for one API: `redocly diff` rates every change between two bundles by the
// semver bump it needs. A change that needs a major bump fails unless `info.version` was bumped to
// the next major; minor and patch changes are reported and pass, so editing prose or adding an
// optional field never blocks a designer.
import { execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { specsDir } from './apis.ts';

const require = createRequire(import.meta.url);
const redoclyBin = require.resolve('@redocly/cli/bin/cli.js');

/** The semver bump a set of changes needs, as `redocly diff` rates it. */
export type Bump = 'major' | 'minor' | 'patch' | 'none';

/** What the gate decided for one API. */
export interface SpecDiffResult {
  readonly bump: Bump;
  readonly summary: { readonly major: number; readonly minor: number; readonly patch: number };
  readonly versions: { readonly base: string; readonly revision: string };
  /** False only for a change that needs a major bump without one. */
  readonly passed: boolean;
  /** One line for the terminal. */
  readonly verdict: string;
  /** The changes, one line each: `major  required-properties-added  Properties of … became required`. */
  readonly changes: readonly string[];
}

interface RedoclyReport {
  summary: { major: number; minor: number; patch: number };
  bump?: string;
  infoVersions: { base: string; revision: string };
  changes: { impact: string; kind: string; path: string; property?: string; verdicts?: { ruleId: string; impact: string; message: string }[] }[];
}

/**
 * Runs the Redocly CLI in `cwd` with the specs' redocly.yaml (its `diff-recommended` rules rate the
 * changes) and returns its exit status and output (it exits non-zero on a failed gate).
 */
function redocly(cwd: string, args: string[]): { status: number; output: string } {
  try {
    const output = execFileSync(process.execPath, [redoclyBin, ...args, '--config', join(specsDir, 'redocly.yaml')], {
      cwd,
      env: { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true' },
      stdio: ['ignore', 'pipe', 'pipe'],
      encoding: 'utf8',
    });
    return { status: 0, output };
  } catch (error) {
    const failure = error as { status?: number; stdout?: string; stderr?: string };
    return { status: failure.status ?? 1, output: `${failure.stdout ?? ''}${failure.stderr ?? ''}` };
  }
}

/**
 * Compares two bundled specs in one folder (the report names them by file name, so name them for
 * the reader, e.g. `camunda@1a2b3c.json`). With `changelog`, also writes the human-readable report
 * (markdown) there. `--fail-on none` everywhere: the decision is the version check's (`--check-version`),
 * taken only for major changes, since the check would also demand a bump for a reworded description.
 */
export function diffSpecs(basePath: string, revisionPath: string, changelog?: string): SpecDiffResult {
  const cwd = dirname(basePath);
  const base = basename(basePath);
  const revision = revisionPath.startsWith(cwd) ? basename(revisionPath) : revisionPath;
  const work = mkdtempSync(join(tmpdir(), 'spec-diff-'));
  try {
    const jsonFile = join(work, 'diff.json');
    // One run rates the changes and checks info.version against them: the report is written either
    // way, and a failed check exits 1 with a line naming info.version, which counts only below.
    const rated = redocly(cwd, ['diff', base, revision, '--fail-on', 'none', '--check-version', '--format', 'json', '--output', jsonFile]);
    const versionChecked = rated.status === 0 || rated.output.includes('info.version');
    if (!existsSync(jsonFile) || !versionChecked) throw new Error(`redocly diff could not compare ${base} and ${revision}:\n${rated.output}`);
    const report = JSON.parse(readFileSync(jsonFile, 'utf8')) as RedoclyReport;
    if (changelog !== undefined) {
      const written = redocly(cwd, ['diff', base, revision, '--fail-on', 'none', '--format', 'markdown', '--output', changelog]);
      if (written.status !== 0) throw new Error(`redocly diff could not write ${changelog}:\n${written.output}`);
    }
    const { summary } = report;
    const bump: Bump = summary.major > 0 ? 'major' : summary.minor > 0 ? 'minor' : summary.patch > 0 ? 'patch' : 'none';
    const versions = { base: report.infoVersions.base, revision: report.infoVersions.revision };
    // A change a rule explains carries its verdicts; the others (additions, prose) only a kind and where.
    const changes = report.changes.flatMap((change) =>
      change.verdicts !== undefined && change.verdicts.length > 0
        ? change.verdicts.map((verdict) => `${verdict.impact.padEnd(5)}  ${verdict.ruleId}  ${verdict.message}`)
        : [`${change.impact.padEnd(5)}  ${change.kind}  ${change.path}${change.property === undefined ? '' : ` · ${change.property}`}`],
    );
    if (bump !== 'major') {
      const verdict = bump === 'none' ? 'no change' : `${bump} change${summary[bump] === 1 ? '' : 's'}: compatible with existing clients`;
      return { bump, summary, versions, passed: true, verdict, changes };
    }
    const passed = rated.status === 0;
    const verdict = passed
      ? `breaking change with info.version bumped ${versions.base} → ${versions.revision}`
      : `BREAKING change: info.version ${versions.base} → ${versions.revision} needs a major bump (clients of ${versions.base} break)`;
    return { bump, summary, versions, passed, verdict, changes };
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
