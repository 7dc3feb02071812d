// Runs the whole check through turbo and closes with one "N passed, N failed" line summed over
// every workspace's vitest summary, replayed ones from turbo's cache included, so CI can read the
// outcome without knowing vitest's format.
// Two tasks at a time: the machines have two cores, and suites that start servers and Prism time out
// when every workspace runs at once.
import { spawn } from 'node:child_process';
import { specDiffBaseCommit } from './spec-diff-base.mjs';

const tasks = process.argv.slice(2).length > 0 ? process.argv.slice(2) : ['generate:check', 'lint', 'diff', 'typecheck', 'test'];
const child = spawn('npx', ['turbo', 'run', ...tasks, '--output-logs=full', '--continue', '--concurrency=2'], {
  stdio: ['ignore', 'pipe', 'inherit'],
  env: { ...process.env, TURBO_TELEMETRY_DISABLED: '1', REDOCLY_TELEMETRY: 'off', SPEC_DIFF_BASE_COMMIT: specDiffBaseCommit() },
});

const totals = { passed: 0, failed: 0, skipped: 0 };
let pending = '';
const ansi = /\u001b\[[0-9;]*m/g;

function tally(line) {
  const plain = line.replace(ansi, '');
  // vitest: " Tests  2 failed | 40 passed | 3 skipped (45)"; prefixed by turbo with "pkg:test: ".
  const summary = /:\s*Tests\s+(.+)\(\d+\)\s*$/.exec(plain);
  if (!summary) return;
  for (const [, count, kind] of summary[1].matchAll(/(\d+)\s+(passed|failed|skipped|todo)/g)) {
    totals[kind === 'todo' ? 'skipped' : kind] += Number(count);
  }
}

child.stdout.on('data', (chunk) => {
  process.stdout.write(chunk);
  pending += chunk.toString();
  const lines = pending.split('\n');
  pending = lines.pop() ?? '';
  lines.forEach(tally);
});

child.on('close', (code) => {
  tally(pending);
  if (code !== 0 && totals.failed === 0) totals.failed = 1; // a failed lint or typecheck is a failure too
  console.log(`\n${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
  process.exit(code ?? 1);
});
