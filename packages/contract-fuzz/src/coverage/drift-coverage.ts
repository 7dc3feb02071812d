/**
 * Which documented (operation, status) pairs recorded traffic reached, as Redocly's
 * `redocly drift --coverage-output` measures it over HAR files: the designated tool, so the
 * matching of a recorded URL to an operation (server base path, path templates, literal segments
 * first) is Redocly's, not ours. Its JSON lists, per operation, `covered` and `missing` items;
 * the items of kind `response` carry the status, which is all coverage needs.
 */
import { execFile } from 'node:child_process';
import { copyFile, link, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';

/** operationId → the statuses the traffic reached. */
export type ReachedStatuses = ReadonlyMap<string, ReadonlySet<number>>;

/** Options of {@link driftCoverage}. */
export interface DriftCoverageOptions {
  /** HAR 1.2 files of the exchanges (one or more: drift reads them as one folder). */
  readonly har: string | readonly string[];
  /** The bundled spec: a file path, or the document itself (written to a temp file). */
  readonly spec: string | Record<string, unknown>;
  /**
   * The API root the traffic was sent to, base path included (`http://127.0.0.1:8080/v2`): drift
   * keeps only requests under it and matches the rest of the path against the spec's paths, so the
   * spec's own `servers` need not name the host under test.
   */
  readonly server: string;
}

/** What drift measured. */
export interface DriftCoverage {
  readonly reached: ReachedStatuses;
  /** Exchanges read, and those drift matched to an operation. */
  readonly exchanges: { readonly total: number; readonly matched: number };
}

const require = createRequire(import.meta.url);
const CLI = join(dirname(require.resolve('@redocly/cli/package.json')), 'bin', 'cli.js');
const TIMEOUT_MS = 120_000;

/** Runs `redocly drift --coverage-output` over the HAR files and reads back the reached statuses. */
export async function driftCoverage(options: DriftCoverageOptions): Promise<DriftCoverage> {
  const work = await mkdtemp(join(tmpdir(), 'drift-coverage-'));
  try {
    const traffic = join(work, 'traffic');
    await mkdir(traffic);
    // drift reads a folder of traffic files but does not follow symlinks: hard-link (or copy) them in.
    const files = typeof options.har === 'string' ? [options.har] : options.har;
    await Promise.all(files.map((file, i) => linkOrCopy(file, join(traffic, `${i}-${basename(file).replace(/\.har$/i, '')}.har`))));
    let specFile: string;
    if (typeof options.spec === 'string') specFile = options.spec;
    else {
      specFile = join(work, 'openapi.json');
      await writeFile(specFile, JSON.stringify(options.spec));
    }
    const coverageFile = join(work, 'coverage.json');
    const args = [CLI, 'drift', traffic, '--api', specFile, '--server', options.server];
    args.push('--coverage-output', coverageFile, '--report-format', 'json', '--output', join(work, 'drift.json'));
    const run = await execNode(args);
    let text: string;
    try {
      text = await readFile(coverageFile, 'utf8');
    } catch {
      // drift exits 1 whenever it has error findings (a negative request is one by design), so the
      // exit code says nothing; a missing coverage file does.
      throw new Error(`redocly drift wrote no coverage report (exit ${run.code})\n${run.output}`);
    }
    return parseDriftCoverage(JSON.parse(text));
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

/** Reads drift's coverage JSON (version 1); throws when its shape is not the one this code knows. */
export function parseDriftCoverage(report: unknown): DriftCoverage {
  const root = report as { version?: unknown; meta?: { exchanges?: { total?: unknown; matched?: unknown } }; operations?: unknown };
  if (root?.version !== 1 || !Array.isArray(root.operations)) {
    throw new Error(`unexpected redocly drift coverage report (version ${JSON.stringify(root?.version)}): expected version 1 with operations[]`);
  }
  const reached = new Map<string, Set<number>>();
  for (const operation of root.operations as { operationId?: unknown; method?: unknown; path?: unknown; covered?: unknown }[]) {
    const id = typeof operation.operationId === 'string' ? operation.operationId : `${String(operation.method)} ${String(operation.path)}`;
    const statuses = new Set<number>();
    for (const item of Array.isArray(operation.covered) ? (operation.covered as { kind?: unknown; status?: unknown }[]) : []) {
      if (item.kind === 'response' && /^\d{3}$/.test(String(item.status))) statuses.add(Number(item.status));
    }
    reached.set(id, statuses);
  }
  const exchanges = root.meta?.exchanges;
  return { reached, exchanges: { total: Number(exchanges?.total ?? 0), matched: Number(exchanges?.matched ?? 0) } };
}

async function linkOrCopy(from: string, to: string): Promise<void> {
  try {
    await link(from, to);
  } catch {
    await copyFile(from, to);
  }
}

function execNode(args: string[]): Promise<{ code: number; output: string }> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      args,
      { env: { ...process.env, REDOCLY_TELEMETRY: 'off', NO_COLOR: '1' }, timeout: TIMEOUT_MS, maxBuffer: 16 * 1024 * 1024 },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === 'number' ? error.code : 1) : 0;
        resolve({ code, output: `${stdout}${stderr}`.trim() });
      },
    );
  });
}
