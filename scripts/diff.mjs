// `npm run diff [-- --base <ref>]`: the specs workspace's diff through turbo, its cache keyed on the
// base commit (see spec-diff-base.mjs).
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { specDiffBaseCommit } from './spec-diff-base.mjs';

// The repo's own turbo, started directly: through npx it costs ~0.6 s more, most of a cached run.
const TURBO = fileURLToPath(new URL('../node_modules/.bin/turbo', import.meta.url));

const args = process.argv.slice(2);
const child = spawn(TURBO, ['run', 'diff', '--output-logs=full', ...(args.length > 0 ? ['--', ...args] : [])], {
  stdio: 'inherit',
  env: { ...process.env, TURBO_TELEMETRY_DISABLED: '1', SPEC_DIFF_BASE_COMMIT: specDiffBaseCommit(args) },
});
child.on('close', (code) => process.exit(code ?? 1));
