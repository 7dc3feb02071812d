// `npm run diff`: every API's spec in the working tree against the same spec at a git base, through
// the breaking-change gate (spec-diff.ts). The base is `--base <ref>`, else SPEC_DIFF_BASE, else the
// merge base with main (so on main itself: HEAD). Writes specs/docs/<api>-changes.md, which the
// docs page shows. Exits 1 when a change needs a major version bump that was not made.
import { relative } from 'node:path';
import { apiNames, specsDir } from './apis.ts';
import { compareWithBase, specBase } from './spec-base.ts';

const flag = process.argv.indexOf('--base');
const given = flag >= 0 ? process.argv[flag + 1] : process.env['SPEC_DIFF_BASE'];
const base = specBase(given);
if (base === undefined) {
  console.error(given === undefined ? 'diff: not in a git checkout.' : `diff: ${given} is not a commit of this repository.`);
  process.exit(2);
}
// turbo caches this task under the base that scripts/spec-diff-base.mjs resolved: a different one
// here would store this verdict under the wrong key.
const keyed = process.env['SPEC_DIFF_BASE_COMMIT'];
if (keyed !== undefined && keyed !== '' && keyed !== base.commit) {
  console.error(`diff: the cache key's base ${keyed.slice(0, 12)} (scripts/spec-diff-base.mjs) is not ${base.commit.slice(0, 12)} (specs/scripts/spec-base.ts).`);
  process.exit(2);
}
console.log(`Spec changes against ${base.ref} (${base.how}, ${base.commit.slice(0, 12)}):`);
let failed = false;
for (const api of apiNames()) {
  const { result, changelog } = compareWithBase(api, base);
  if (result === undefined || changelog === undefined) {
    console.log(`  new  ${api}: not at the base, nothing to compare`);
    continue;
  }
  console.log(`  ${result.passed ? 'ok  ' : 'FAIL'} ${api} ${result.versions.revision}: ${result.verdict}`);
  for (const change of result.changes) console.log(`         ${change}`);
  console.log(`         changelog: specs/${relative(specsDir, changelog)}`);
  failed ||= !result.passed;
}
if (failed) {
  console.error(
    '\nA breaking change needs a new major version: bump info.version in specs/<api>/openapi.yaml\n' +
      '(e.g. 1.4.0 → 2.0.0), regenerate, and say in the commit what clients must change. Or make the\n' +
      'change compatible (optional instead of required, additive instead of removed).',
  );
  process.exit(1);
}
