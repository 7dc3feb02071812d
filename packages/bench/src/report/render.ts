/** The run's results as Markdown: printed, and written into the README by `--write-readme`. */
import type { ProcessFigures } from '../bench-context.ts';
import { LAYERS } from '../cpu-profile.ts';
import type { InstructionShape } from '../instructions.ts';
import { roundRatios, type LoadShape, type Measurement } from '../load.ts';
import type { Machine } from '../machine.ts';
import type { CreateResult } from '../sections/creates.ts';
import { SEEDED_USERS, type ReadResult } from '../sections/reads.ts';
import type { RuntimeCompile } from '../sections/runtime-compile.ts';
import type { PostResult } from '../sections/validated-post.ts';
import { formatFixed, formatInt, formatMiB, formatRatio, geometricMean, markdownTable, ratioAgainst, withTarget } from './format.ts';

/** Targets the report checks (issue #12). */
export const TARGETS = {
  /** Runtime vs Fastify + Ajv on the validated POST, by req/s. */
  postVsFastify: 0.95,
  /** A real read vs bare Hono answering the same JSON, by req/s. */
  readVsBare: 0.5,
  /** Stateful mock vs `npm run mock`, geometric mean by req/s. */
  statefulVsPrism: 10,
  /** Creates vs the raw argon2id hash rate. */
  createVsRawHash: 0.9,
  /** Compiling both specs, first time, in ms (at most). */
  compileMs: 200,
} as const;

/** Everything one run measured. */
export interface BenchResults {
  date: Date;
  machine: Machine;
  loadBefore: number;
  loadAfter: number;
  quick: boolean;
  shape: LoadShape;
  createShape: LoadShape;
  serverCore: string;
  loadCore: string;
  /** Absent when the run was the reads alone (`--only reads`). */
  post?: PostResult[];
  /** How the validated POST's instructions were counted; absent when they were not. */
  instructions?: InstructionShape;
  /** Absent when the run was the validated POST alone (`--only post`), as are `creates` and `compile`. */
  reads?: ReadResult[];
  creates?: CreateResult[];
  compile?: RuntimeCompile;
  processes: ProcessFigures[];
  warnings: string[];
}

/** Throughput-equivalent ratio from CPU per request: `baseline / candidate`. */
const cpuRatio = (candidate: Measurement | undefined, baseline: Measurement | undefined) =>
  formatRatio(baseline?.cpuUsPerRequest ?? Number.NaN, candidate?.cpuUsPerRequest ?? Number.NaN);
const rpsRatio = (candidate: Measurement | undefined, baseline: Measurement | undefined) => formatRatio(candidate?.rps ?? Number.NaN, baseline?.rps ?? Number.NaN);

/**
 * How often a target held, round by round: `2 of 3 (0.93×, 0.97×, 0.96×)`; `—` without rounds.
 * The best rounds of two servers may come from different turns; this pairs each turn's rounds.
 */
export function roundsHeld(candidate: Measurement | undefined, baseline: Measurement | undefined, target: number): string {
  const ratios = roundRatios(candidate, baseline);
  if (ratios.length === 0) return '—';
  const held = ratios.filter((ratio) => ratio >= target).length;
  // A round without a usable ratio (a baseline round with no answers) prints as `—`, as elsewhere.
  const shown = (ratio: number) => (Number.isFinite(ratio) && ratio > 0 ? `${ratioAgainst(ratio, target)}×` : formatRatio(ratio, 1));
  return `${held} of ${ratios.length} (${ratios.map(shown).join(', ')})`;
}

/** The whole report. */
export function renderReport(results: BenchResults): string {
  return [
    header(results),
    ...(results.post === undefined ? [] : [postSection(results.post, results.instructions)]),
    ...(results.reads === undefined ? [] : [readsSection(results.reads), mockSection(results.reads)]),
    ...(results.creates === undefined ? [] : [createsSection(results.creates, results.createShape)]),
    processesSection(results),
    ...(results.compile === undefined ? [] : [compileLine(results.compile)]),
    ...(results.warnings.length > 0 ? [`**Warnings** (the figures they touch are not comparable):\n\n${results.warnings.map((w) => `- ${w}`).join('\n')}`] : []),
  ].join('\n\n');
}

/** A load average above this (runnable processes besides the bench's) makes figures unfit to quote. */
export const BUSY_LOAD_AVERAGE = 1;

function header(r: BenchResults): string {
  const date = r.date.toISOString().replace(/:\d\d\.\d+Z$/, ' UTC').replace('T', ' ');
  const { machine: m } = r;
  // Only the load before the run tells of other work: by its end, the bench's own server and load
  // generator have brought the load average near 2 on two cores (every run so far: 2.0 after).
  const busy =
    r.loadBefore > BUSY_LOAD_AVERAGE
      ? ` **The machine was busy** (load average above ${BUSY_LOAD_AVERAGE} before the run): other work shared the cores, so these are not the servers' own figures; regenerate on a quiet machine.`
      : '';
  return (
    `Measured ${date}${r.quick ? ' (**quick run**: one short round, dominated by warm-up and JIT; a smoke test, not figures to quote)' : ''} on ${m.cpuModel}, ${m.cores} cores, ` +
    `${m.memoryGiB} GiB, Node ${m.node}; load average ${r.loadBefore.toFixed(1)} before the run and ${r.loadAfter.toFixed(1)} after, the bench's own load included ` +
    `(other work on the machine slows servers and load generator alike; CPU per request is the steadier figure). ` +
    `Servers compared are loaded in turns (every other turn in reverse order), ${r.shape.rounds} round${r.shape.rounds === 1 ? '' : 's'} of ${r.shape.seconds} s each after a ${r.shape.warmUpSeconds} s warm-up, ` +
    `${r.shape.connections} connections, and each one's best round is shown (other work only ever slows a round down); ` +
    'the rounds of one turn are also paired, to show in how many of them a target held' +
    (r.creates === undefined ? '. ' : `; creates: one round of ${r.createShape.seconds} s, ${r.createShape.connections} in flight. `) +
    `Servers pinned to core ${r.serverCore}, autocannon to core ${r.loadCore}. ` +
    'Ratios are against baselines measured in the same run; "by CPU" compares the server processes\' CPU time per request.' +
    busy
  );
}

function postSection(post: PostResult[], instructions: InstructionShape | undefined): string {
  const bare = post.find((p) => p.peer === 'bare')?.measurement;
  const fastify = post.find((p) => p.peer === 'fastify')?.measurement;
  const runtime = post.find((p) => p.peer === 'runtime')?.measurement;
  const rows = post.map(({ peer, name, measurement: m }) => {
    const vsFastify =
      peer === 'fastify' || peer === 'bare'
        ? '—'
        : peer === 'runtime'
          ? `${withTarget(m.rps / (fastify?.rps ?? Number.NaN), TARGETS.postVsFastify)}; ${cpuRatio(m, fastify)}`
          : `${rpsRatio(m, fastify)}; ${cpuRatio(m, fastify)}`;
    return [
      peer === 'runtime' ? `**${name}**` : name,
      formatInt(m.rps),
      formatFixed(m.p99Ms, 0),
      formatFixed(m.cpuUsPerRequest, 1),
      peer === 'bare' ? '1.00×; 1.00×' : `${rpsRatio(m, bare)}; ${cpuRatio(m, bare)}`,
      vsFastify,
    ];
  });
  return [
    '**Validated POST**: Camunda `createUser` (`POST /v2/users`, Basic auth, the spec\'s `complete` example as body) validated against the ' +
      'bundle\'s schema and answered 202 without hashing. Bare Hono parses the JSON and answers, validating nothing.',
    markdownTable(['peer', 'req/s', 'p99 ms', 'CPU µs/req', 'vs bare Hono (req/s; CPU)', 'vs Fastify + Ajv (req/s; CPU)'], rows),
    ...(instructions === undefined ? [] : instructionsLine(post, instructions)),
    ...(runtime === undefined || fastify === undefined
      ? []
      : [
          `Round by round (each runtime round against the Fastify round of the same turn, by req/s), the target of ${TARGETS.postVsFastify}× held in ` +
            `${roundsHeld(runtime, fastify, TARGETS.postVsFastify)}.`,
        ]),
    ...profileSection(post),
  ].join('\n\n');
}

function instructionsLine(post: readonly PostResult[], shape: InstructionShape): string[] {
  const counted = post.filter((p) => p.instructions !== undefined);
  if (counted.length === 0) return [];
  const count = (key: PostResult['peer']) => post.find((p) => p.peer === key)?.instructions?.perRequest ?? Number.NaN;
  const figures = counted.map((p) => `${p.name} ${formatInt(p.instructions!.perRequest)}`).join(', ');
  const compiling = counted.map((p) => `${p.name} ${formatInt(p.instructions!.compilerPerRequest)}`).join(', ');
  return [
    `**Instructions per request** (valgrind's callgrind, user space, all threads; counted over ${formatInt(shape.measuredRequests)} requests after ${formatInt(shape.warmUpRequests)} uncounted, ` +
      `each server alone under valgrind; the machine's noise moves them far less than req/s, and kernel time and cache misses are not in them): ${figures}. ` +
      `Not in them, because natively it is over within the warm-up: what V8's optimising compiler still did in the counted window under valgrind, per request ${compiling}. ` +
      `The runtime against Fastify + Ajv: ${formatRatio(count('fastify'), count('runtime'))} (Fastify's count over the runtime's; above 1, the runtime does less).`,
  ];
}

/** How many of the runtime's heaviest functions the report names. */
export const PROFILE_TOP_FUNCTIONS = 8;

/** Where each profiled peer's time went, by layer, and the runtime's heaviest functions. */
function profileSection(post: readonly PostResult[]): string[] {
  const profiled = post.filter((p) => p.profile !== undefined);
  if (profiled.length === 0) return [];
  const totals = profiled.map((p) => p.profile!.layers.reduce((sum, l) => sum + l.usPerRequest, 0));
  // The share too: one round's µs move with the host's noise more than how they divide.
  const cell = (us: number, total: number) => `${formatFixed(us, 2)} (${formatFixed((us / total) * 100, 0)} %)`;
  const perLayer = LAYERS.map((layer) => [layer, ...profiled.map((p, i) => cell(p.profile!.layers.find((l) => l.layer === layer)?.usPerRequest ?? Number.NaN, totals[i]!))]);
  const total = ['all of it', ...totals.map((us) => formatFixed(us, 2))];
  const runtime = profiled.find((p) => p.peer === 'runtime')?.profile;
  const interval = Math.max(...profiled.map((p) => p.profile!.intervalUs));
  return [
    "**Where the time goes** (V8's CPU profile of the main thread over one more round of the same load, each peer in a fresh process after its warm-up, " +
      `a sample every ~${formatInt(interval)} µs; self time in µs per request and its share, by where the code lives; a native function's time, the kernel's included, ` +
      "counts as native code, and a builtin's such as `JSON.parse` in its caller; the profiler's own cost is in it, so the totals are above the CPU per request above):",
    markdownTable(['layer', ...profiled.map((p) => p.name)], [...perLayer, total]),
    ...(runtime === undefined
      ? []
      : [
          `The runtime's process, its ${PROFILE_TOP_FUNCTIONS} heaviest functions (µs per request): ` +
            runtime.functions
              .slice(0, PROFILE_TOP_FUNCTIONS)
              .map((f) => `\`${f.name}\`${f.file === undefined ? '' : ` (${f.file})`} ${formatFixed(f.usPerRequest, 2)}`)
              .join('; ') +
            '.',
        ]),
  ];
}

function readsSection(reads: readonly ReadResult[]): string {
  const rows = reads.map(({ operation, request, byTarget: { bare, server } }) => [
    `\`${operation}\` (\`${request}\`)`,
    formatInt(bare?.rps ?? Number.NaN),
    formatInt(server?.rps ?? Number.NaN),
    withTarget((server?.rps ?? Number.NaN) / (bare?.rps ?? Number.NaN), TARGETS.readVsBare),
    `${formatFixed(bare?.cpuUsPerRequest ?? Number.NaN, 1)} / ${formatFixed(server?.cpuUsPerRequest ?? Number.NaN, 1)}`,
    cpuRatio(server, bare),
    roundsHeld(server, bare, TARGETS.readVsBare),
    formatFixed(server?.p99Ms ?? Number.NaN, 0),
  ]);
  return [
    `**Reads on the built servers** (\`apps/*/dist\`, SQLite, as the admin; each API seeded with ${SEEDED_USERS} users and a client token through its API) ` +
      'against a bare Hono route answering the JSON that server answered:',
    markdownTable(['read', 'bare Hono req/s', 'server req/s', 'server / bare by req/s', 'CPU µs/req (bare / server)', 'by CPU', 'rounds that met it', 'server p99 ms'], rows),
  ].join('\n\n');
}

function mockSection(reads: readonly ReadResult[]): string {
  const rows = reads.map(({ operation, byTarget: { prism, stateful } }) => [
    `\`${operation}\``,
    formatInt(prism?.rps ?? Number.NaN),
    formatInt(stateful?.rps ?? Number.NaN),
    rpsRatio(stateful, prism),
    `${formatFixed(prism?.cpuUsPerRequest ?? Number.NaN, 0)} / ${formatFixed(stateful?.cpuUsPerRequest ?? Number.NaN, 0)}`,
    cpuRatio(stateful, prism),
  ]);
  const byRps = geometricMean(reads.map(({ byTarget: { prism, stateful } }) => (stateful?.rps ?? Number.NaN) / (prism?.rps ?? Number.NaN)));
  const byCpu = geometricMean(reads.map(({ byTarget: { prism, stateful } }) => (prism?.cpuUsPerRequest ?? Number.NaN) / (stateful?.cpuUsPerRequest ?? Number.NaN)));
  rows.push(['geometric mean', '', '', withTarget(byRps, TARGETS.statefulVsPrism), '', formatRatio(byCpu, 1)]);
  return [
    '**Stateful mock vs `npm run mock`** (guard + Prism, serving the spec\'s examples) on the same reads, each seeded the same way through its API:',
    markdownTable(['read', 'Prism req/s', 'stateful req/s', 'stateful / Prism by req/s', 'CPU µs/req (Prism / stateful)', 'by CPU'], rows),
  ].join('\n\n');
}

function createsSection(creates: readonly CreateResult[], createShape: LoadShape): string {
  const rows = creates.map(({ operation, measurement: m, rawBefore, rawAfter }) => [
    `\`${operation}\``,
    formatFixed(m.rps, 1),
    `${formatFixed((rawBefore + rawAfter) / 2, 1)} (${formatFixed(rawBefore, 1)} / ${formatFixed(rawAfter, 1)})`,
    withTarget(m.rps / ((rawBefore + rawAfter) / 2), TARGETS.createVsRawHash),
    formatFixed(m.cpuUsPerRequest / 1000, 1),
    formatFixed(m.p99Ms, 0),
  ]);
  return [
    `**Creates** on the same servers against the raw argon2id hash rate (m=19456, t=2, p=1, in a process on the server core, ${createShape.connections} in flight as the creates, measured right before and after):`,
    markdownTable(['create', 'req/s', 'raw hashes/s (before / after)', 'create / raw', 'CPU ms/create', 'p99 ms'], rows),
  ].join('\n\n');
}

function processesSection(r: BenchResults): string {
  const rows = r.processes.map((p) => [p.name, p.section, formatInt(p.startupMs), formatMiB(p.idleRssBytes), formatMiB(p.peakRssBytes)]);
  return [
    '**Start-up and memory** of each process started (start-up: spawn to the first 2xx answer, loading included; the peers and mocks run through tsx, ' +
      'the servers from `dist`; RSS of the process tree, Prism\'s child included: idle once started, peak over its life):',
    markdownTable(['process', 'started for', 'start-up ms', 'idle RSS MiB', 'peak RSS MiB'], rows),
  ].join('\n\n');
}

function compileLine(c: RuntimeCompile): string {
  return (
    `**Runtime start-up**: \`createOpenApiApp\` compiling both specs in a fresh process: first ${formatFixed(c.firstMs, 0)} ms ` +
    `(target ≤ ${TARGETS.compileMs} ms: ${c.firstMs <= TARGETS.compileMs ? 'met' : 'not met'}); median of ${c.runs} more, each on fresh copies of the specs (an app made from the same spec object reuses its validators), ${formatFixed(c.medianOffMs, 1)} ms ` +
    `(response validation off), ${formatFixed(c.medianWithResponseValidationMs, 1)} ms (on).`
  );
}
