/**
 * `npm run bench` (root): every benchmark of the repository in one run, printing req/s, p99, CPU
 * per request and ratios against baselines measured in the same run (see README, Performance):
 *   1. the validated POST on each peer: bare Hono, our runtime, Fastify + Ajv, Express +
 *      express-openapi-validator, Prism (`npm run mock`); where the frameworks' time goes, by
 *      layer, from V8's CPU profile (not in --quick);
 *   2. reads on the built servers vs bare Hono answering the same JSON, and creates vs raw argon2id;
 *      the same reads on the stateful mock vs Prism;
 *   3. start-up time and idle/peak memory of every process started; the runtime's compile time;
 *   4. 1 vs 2 replicas on PostgreSQL (when it answers; not in --quick), printed only.
 * Each server runs pinned to one core, the load generator (here) to another. Figures, not a
 * test: nothing fails when slow.
 *
 *   --quick         one round of 1 s per server and case: a smoke run
 *   --only post     the validated POST alone (≈ 20 s with --quick): for iterating on the runtime
 *   --only reads    the reads and creates on the built servers and mocks alone (≈ 3 min)
 *   --peers a,b     with --only post, these peers alone (bare, runtime, fastify, express, prism)
 *   --write-readme  rewrite the README's generated Performance part with this run's figures
 *   --skip-instructions  no callgrind instruction counts of the validated POST (≈ 3 min; never in --quick)
 *   --node 24       the whole run on another Node.js: a major version (from the npm registry's `node`
 *                   package) or the path of a node binary; the report names the Node it ran on
 * Env: BENCH_SECONDS (one round, default 2), BENCH_ROUNDS (default 3), BENCH_CONNECTIONS (default 10),
 * BENCH_CREATE_CONNECTIONS (default 8).
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { benchCores, pinThisProcess } from './cores.ts';
import type { BenchContext } from './bench-context.ts';
import { REPO_ROOT } from './launches.ts';
import { hasCallgrind, type InstructionShape } from './instructions.ts';
import { describeMachine, loadAverage } from './machine.ts';
import { isRunningOn, parseNodeChoice, reexecOn, resolveNodeBinary } from './node-binary.ts';
import { replaceGeneratedSection } from './report/readme-section.ts';
import { renderReport, type BenchResults } from './report/render.ts';
import { readsAndCreates } from './sections/reads.ts';
import { replicas } from './sections/replicas.ts';
import { runtimeCompile } from './sections/runtime-compile.ts';
import { parsePostPeers, validatedPost } from './sections/validated-post.ts';

const { values: flags } = parseArgs({
  options: {
    quick: { type: 'boolean' },
    only: { type: 'string' },
    peers: { type: 'string' },
    'write-readme': { type: 'boolean' },
    'skip-instructions': { type: 'boolean' },
    node: { type: 'string' },
  },
});
if (flags.node !== undefined && process.env['BENCH_REEXECUTED'] === undefined) {
  let choice;
  try {
    choice = parseNodeChoice(flags.node);
  } catch (err) {
    console.error((err as Error).message);
    process.exit(1);
  }
  if (!isRunningOn(choice)) {
    const binary = resolveNodeBinary(choice);
    console.log(`Running the bench on ${binary}…`);
    reexecOn(binary);
  }
}
const quick = flags.quick ?? false;
const only = flags.only;
if (only !== undefined && only !== 'post' && only !== 'reads') {
  console.error(`--only: \`post\` (the validated POST) or \`reads\` (reads and creates), got ${only}`);
  process.exit(1);
}
// The README's figures are one whole run; a part of one would replace them with less.
if (only !== undefined && flags['write-readme']) {
  console.error('--write-readme needs the whole run: drop --only');
  process.exit(1);
}
if (flags.peers !== undefined && only !== 'post') {
  console.error('--peers goes with --only post');
  process.exit(1);
}
const postPeers = flags.peers === undefined ? undefined : parsePostPeers(flags.peers);
const env = (name: string, fallback: number) => Number(process.env[name] ?? fallback);

for (const api of only === 'post' ? [] : ['camunda', 'onezone']) {
  if (!existsSync(`${REPO_ROOT}apps/${api}/dist/index.js`)) {
    console.error(`apps/${api}/dist/index.js is missing: run \`npm run build\` first (the root \`npm run bench\` does).`);
    process.exit(1);
  }
}

/** Long enough for V8's optimising tiers under valgrind (see instructions.ts). */
const INSTRUCTION_SHAPE: InstructionShape = { warmUpRequests: 30_000, measuredRequests: 5_000, connections: 10 };

const { cores, serverCore, loadCore } = benchCores();
pinThisProcess(loadCore);
const seconds = quick ? 1 : env('BENCH_SECONDS', 2);
const rounds = quick ? 1 : env('BENCH_ROUNDS', 3);
const warmUpSeconds = quick ? 0.5 : 1;
const context: BenchContext = {
  shape: { seconds, rounds, warmUpSeconds, connections: env('BENCH_CONNECTIONS', 10) },
  // One longer round: the raw hash rate is measured right before and after it.
  createShape: { seconds: seconds * rounds, rounds: 1, warmUpSeconds, connections: env('BENCH_CREATE_CONNECTIONS', 8) },
  serverCore,
  loadCore,
  settleMs: quick ? 200 : 1000,
  tempDir: mkdtempSync(join(tmpdir(), 'repo-bench-')),
  processes: [],
  warnings: [],
};
if (only !== 'reads' && !quick) {
  // V8's sampling interval: finer costs the profiled server more. Asked 250 µs, V8 samples every
  // ~400 under load here: ~5,000 samples in a 2 s round.
  context.profile = { ...context.shape, intervalUs: 250 };
}
if (only !== 'reads' && !quick && !flags['skip-instructions']) {
  if (await hasCallgrind()) context.instructions = INSTRUCTION_SHAPE;
  else context.warnings.push('valgrind is not installed (apt-get install valgrind): the validated POST has no instruction counts');
}
const started = new Date();
const [loadBefore] = loadAverage();
const minutes = (only === 'post' ? (quick ? 0.5 : 1) : only === 'reads' ? (quick ? 1 : 3) : quick ? 1 : 4) + (context.instructions === undefined ? 0 : 3);
console.log(`Benchmarks: ${rounds} × ${seconds} s per server and case; servers on core ${serverCore}, load generator on core ${loadCore}; load average ${loadBefore.toFixed(1)}. About ${minutes} min.`);
try {
  let post: BenchResults['post'];
  if (only !== 'reads') {
    console.log(`1/3 validated POST on ${postPeers === undefined ? 'each peer' : postPeers.join(', ')}…`);
    post = await validatedPost(context, postPeers);
  }
  let rest: Pick<BenchResults, 'reads' | 'creates' | 'compile'> = {};
  if (only !== 'post') {
    console.log('2/3 reads and creates on the built servers, reads on the mocks…');
    const { reads, creates } = await readsAndCreates(context);
    rest = { reads, creates };
  }
  if (only === undefined) {
    console.log('3/3 runtime compile time…');
    rest = { ...rest, compile: runtimeCompile(context, quick ? 3 : 9) };
  }
  const [loadAfter] = loadAverage();
  const report = renderReport({
    date: started,
    machine: describeMachine(),
    loadBefore,
    loadAfter,
    quick,
    shape: context.shape,
    createShape: context.createShape,
    serverCore,
    loadCore,
    ...(post === undefined ? {} : { post }),
    ...(context.instructions === undefined ? {} : { instructions: context.instructions }),
    ...rest,
    processes: context.processes,
    warnings: context.warnings,
  });
  console.log(`\n${report}\n`);
  if (flags['write-readme']) {
    const readme = join(REPO_ROOT, 'README.md');
    writeFileSync(readme, replaceGeneratedSection(readFileSync(readme, 'utf8'), report));
    console.log('README.md: Performance figures rewritten.');
  }
} finally {
  rmSync(context.tempDir, { recursive: true, force: true });
}
if (!quick && only === undefined) {
  // The replicas are not pinned (the point is what a second process buys on this machine), and a
  // child inherits this process's affinity: unpin it first.
  pinThisProcess(`0-${cores - 1}`);
  await replicas(env('BENCH_SECONDS', 3));
}
