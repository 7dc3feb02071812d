// Runs the whole check through turbo and closes with one "N passed, N failed" line summed over
// every workspace's vitest summary, replayed ones from turbo's cache included, so CI can read the
// outcome without knowing vitest's format.
// Two tasks at a time: the machines have two cores, and suites that start servers and Prism time out
// when every workspace runs at once. The contract tests are the longest task by far, and turbo
// starts a task only once its dependencies' no-op `transit` tasks have had a slot, which put them
// last (a tail of three minutes on one core); so they run in a turbo of their own from the start,
// beside one turbo that runs everything else one task at a time. Camunda's server tests, the mock's
// and hono-openapi's join the contract lane so that the two lanes take about as long (measured
// 2026-11-27 with two contract-test workers, cold, on a machine busier than usual: the lanes ended
// at 3 min 51 s and 4 min 11 s; with hono-openapi in the other lane, 3 min 48 s and 4 min 20 s).
// That lane holds typecheck, generate:check, lint and diff too.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { specDiffBaseCommit } from './spec-diff-base.mjs';

// The repo's own turbo, started directly: through npx it costs ~0.6 s more, most of a cached run.
const TURBO = fileURLToPath(new URL('../node_modules/.bin/turbo', import.meta.url));

const CONTRACT_LANE = ['@repo/contract-tests', '@repo/camunda-server', '@repo/mock', '@repo/hono-openapi'];
const args = process.argv.slice(2);
const tasks = args.filter((arg) => !arg.startsWith('-'));
const flags = args.filter((arg) => arg.startsWith('-'));
if (tasks.length === 0) tasks.push('generate:check', 'lint', 'diff', 'typecheck', 'test');
const runs = tasks.includes('test')
  ? [
      [...tasks, ...CONTRACT_LANE.map((name) => `--filter=!${name}`), '--concurrency=1'],
      ['test', ...CONTRACT_LANE.map((name) => `--filter=${name}`), '--concurrency=1'],
    ]
  : [[...tasks, '--concurrency=2']];

const env = { ...process.env, TURBO_TELEMETRY_DISABLED: '1', REDOCLY_TELEMETRY: 'off', SPEC_DIFF_BASE_COMMIT: specDiffBaseCommit() };
const totals = { passed: 0, failed: 0, skipped: 0 };
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

/** One turbo run; its output goes through line by line, so the two runs' lines never interleave mid-line. */
function turbo(runArgs) {
  const child = spawn(TURBO, ['run', ...runArgs, ...flags, '--output-logs=full', '--continue'], { stdio: ['ignore', 'pipe', 'inherit'], env });
  let pending = '';
  child.stdout.on('data', (chunk) => {
    pending += chunk.toString();
    const lines = pending.split('\n');
    pending = lines.pop() ?? '';
    for (const line of lines) {
      process.stdout.write(`${line}\n`);
      tally(line);
    }
  });
  return new Promise((resolve) =>
    child.on('close', (code) => {
      if (pending !== '') process.stdout.write(`${pending}\n`);
      tally(pending);
      resolve(code ?? 1);
    }),
  );
}

const codes = await Promise.all(runs.map(turbo));
const code = codes.find((c) => c !== 0) ?? 0;
if (code !== 0 && totals.failed === 0) totals.failed = 1; // a failed lint or typecheck is a failure too
console.log(`\n${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
process.exit(code);
