// `npm run diff [-- --base <ref>]`: the specs workspace's diff through turbo, its cache keyed on the
// base commit (see spec-diff-base.mjs).
import { spawn } from 'node:child_process';
import { specDiffBaseCommit } from './spec-diff-base.mjs';

const args = process.argv.slice(2);
const child = spawn('npx', ['turbo', 'run', 'diff', '--output-logs=full', ...(args.length > 0 ? ['--', ...args] : [])], {
  stdio: 'inherit',
  env: { ...process.env, TURBO_TELEMETRY_DISABLED: '1', SPEC_DIFF_BASE_COMMIT: specDiffBaseCommit(args) },
});
child.on('close', (code) => process.exit(code ?? 1));
