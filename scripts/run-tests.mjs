// Runs the whole check through turbo and closes with one "N passed, N failed" line summed over
// every workspace's vitest summary, replayed ones from turbo's cache included, so CI can read the
// outcome without knowing vitest's format.
// Two lanes, each a turbo run of one task at a time: the machines have two cores, and suites that
// start servers and Prism time out when every workspace runs at once. The contract tests are the
// longest task by far, and turbo starts a task only once its dependencies' no-op `transit` tasks
// have had a slot, which put them last (a tail of three minutes on one core); so they run in a
// turbo of their own from the start, with the mock's suite, beside one turbo that runs
// generate:check, lint, diff, typecheck and every other workspace's suite in one vitest process
// (`test:units`, see test-lanes.mjs). The run prints how long each lane took: they are balanced to
// end together (2026-11-28, with the units run: 127 s and 122 s; before it, with Camunda's server
// tests in the contract lane and one vitest per workspace, 130 s and 130 s for ~25 CPU-s more).
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { specDiffBaseCommit } from './spec-diff-base.mjs';
import { CONTRACT_LANE } from './test-lanes.mjs';
import { testTempFolder } from './test-temp-folder.mjs';

// The repo's own turbo, started directly: through npx it costs ~0.6 s more, most of a cached run.
const TURBO = fileURLToPath(new URL('../node_modules/.bin/turbo', import.meta.url));

const args = process.argv.slice(2);
const tasks = args.filter((arg) => !arg.startsWith('-'));
const flags = args.filter((arg) => arg.startsWith('-'));
const everything = tasks.length === 0;
if (everything) tasks.push('generate:check', 'lint', 'diff', 'typecheck', 'test:units');
const runs = everything
  ? [
      [...tasks, '--concurrency=1'],
      ['test', ...CONTRACT_LANE.map((name) => `--filter=${name}`), '--concurrency=1'],
    ]
  : [[...tasks, '--concurrency=2']];

const tempFolder = testTempFolder(process.env);
const env = {
  ...process.env,
  TURBO_TELEMETRY_DISABLED: '1',
  REDOCLY_TELEMETRY: 'off',
  SPEC_DIFF_BASE_COMMIT: specDiffBaseCommit(),
  ...(tempFolder ? { TMPDIR: tempFolder } : {}),
};
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

/**
 * One turbo run; its output goes through line by line, so the two runs' lines never interleave
 * mid-line. Resolves to its exit code and how long it took.
 */
function turbo(runArgs) {
  const started = performance.now();
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
      resolve({ code: code ?? 1, seconds: (performance.now() - started) / 1000 });
    }),
  );
}

const lanes = await Promise.all(runs.map(turbo));
const code = lanes.map((lane) => lane.code).find((c) => c !== 0) ?? 0;
if (code !== 0 && totals.failed === 0) totals.failed = 1; // a failed lint or typecheck is a failure too
// What the lanes' balance above is tuned on; a fully cached run takes well under a second.
if (lanes.length === 2) console.log(`\nlanes: everything else ${lanes[0].seconds.toFixed(1)} s, contract suites ${lanes[1].seconds.toFixed(1)} s`);
console.log(`\n${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
process.exit(code);
