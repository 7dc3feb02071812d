// The commit `npm run diff` compares the specs with, resolved here as specs/scripts/spec-base.ts
// resolves it, so that turbo can put it in the diff task's cache key (SPEC_DIFF_BASE_COMMIT): the
// task's files stay the same when main moves, its base does not. specs/scripts/diff.ts refuses to
// run when the two disagree, so a drift between the two resolutions cannot replay a stale verdict.
import { execFileSync } from 'node:child_process';

function git(args) {
  try {
    return execFileSync('git', args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    return undefined;
  }
}

/** The base commit for `--base <ref>` in `args`, else SPEC_DIFF_BASE, else the merge base with main; '' outside git. */
export function specDiffBaseCommit(args = [], env = process.env) {
  const flag = args.indexOf('--base');
  const given = flag >= 0 ? args[flag + 1] : env['SPEC_DIFF_BASE'];
  if (given !== undefined && given !== '') return git(['rev-parse', '--verify', `${given}^{commit}`]) ?? '';
  return git(['merge-base', 'HEAD', 'main']) ?? git(['merge-base', 'HEAD', 'origin/main']) ?? git(['rev-parse', '--verify', 'HEAD^{commit}']) ?? '';
}
