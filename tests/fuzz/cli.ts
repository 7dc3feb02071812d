/**
 * `npm run fuzz`: the long mode of the generated contract suite (20,000 requests per target by
 * default), against the servers it starts itself (SQLite, and PostgreSQL when it answers) or
 * against any base URL. Prints per target the engine's report (checks, every distinct failure with
 * its curl line), the operation × status matrix with coverage, and exits 1 on any failure.
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { startMock } from '@repo/mock';
import { DEFAULT_TEST_DATABASE_URL } from '@repo/test-kit';
import { ADMIN } from '../support/admin.ts';
import type { ApiName } from '../support/apis.ts';
import { startOnStore, type StoreTarget } from '../support/stores.ts';
import { parseCliArgs, USAGE, type CliOptions } from './cli-args.ts';
import { resolveApi, specBasePath, type FuzzApi } from './fuzz-apis.ts';
import { fuzzTarget, mockExampleCoverage, serverCoverage, type FuzzRun } from './fuzz-run.ts';
import { settingsLine } from './settings.ts';

/** One target's outcome, for the closing summary. */
interface Outcome {
  name: string;
  requests: number;
  failures: number;
  coverageProblems: number;
}

let options: CliOptions;
try {
  options = parseCliArgs(process.argv.slice(2), process.env);
} catch (error) {
  console.error(`${(error as Error).message}\n\n${USAGE}`);
  process.exit(2);
}
if (options.help) {
  console.log(USAGE);
  process.exit(0);
}

const harDir = options.harDir ?? mkdtempSync(join(tmpdir(), 'npm-run-fuzz-'));
mkdirSync(harDir, { recursive: true });
const outcomes: Outcome[] = [];
console.log(settingsLine('npm run fuzz', options.settings));
try {
  if (options.baseUrl !== undefined) await fuzzRemote(options.baseUrl, resolveApi(options.api!));
  else await fuzzLocal();
} finally {
  if (options.harDir === undefined) rmSync(harDir, { recursive: true, force: true });
  else console.log(`\nHAR files: ${harDir}`);
}
console.log(`\n${settingsLine('Summary', options.settings)}`);
for (const outcome of outcomes) {
  console.log(`  ${outcome.name}: ${outcome.requests} requests, ${outcome.failures} failures, ${outcome.coverageProblems} coverage problems`);
}
process.exit(outcomes.some((outcome) => outcome.failures + outcome.coverageProblems > 0) ? 1 : 0);

async function fuzzRemote(baseUrl: string, api: FuzzApi): Promise<void> {
  // An origin alone gets the spec's base path (`https://staging.example.com` → `…/v2`).
  const root = new URL(baseUrl).pathname === '/' ? `${baseUrl}${specBasePath(api.spec)}` : baseUrl;
  const name = `${api.name} at ${root}`;
  const run = await fuzz(api, name, options.kind, root, options.credentials, `${api.name}-${options.kind}.har`);
  if (options.kind === 'mock') await report(run, await mockExampleCoverage(api, name, root, options.credentials ?? ADMIN));
  else await report(run, await serverCoverage(run));
}

async function fuzzLocal(): Promise<void> {
  const apis: ApiName[] = options.api === undefined ? ['camunda', 'onezone'] : [options.api as ApiName];
  const stores: StoreTarget[] = [{ name: 'sqlite', available: true }];
  const postgres = await findPostgres();
  if (postgres.available) stores.push({ name: 'postgres', available: true, url: postgres.url });
  else console.log(`PostgreSQL: not tested (${postgres.reason})`);
  for (const name of apis) {
    const api = resolveApi(name);
    for (const store of stores) {
      const started = await startOnStore(name, store);
      try {
        const { server, databaseUrl } = started;
        const run = await fuzz(api, `${name} (${store.name})`, 'server', server.baseUrl, options.credentials ?? ADMIN, `${name}-${store.name}.har`);
        await report(run, await serverCoverage(run, { api: name, dataDir: server.dataDir, databaseUrl }));
      } finally {
        await started.dispose();
      }
    }
    if (options.mocks) {
      const prismLines: string[] = [];
      const mock = await startMock({
        api: name,
        port: 0,
        watch: false,
        onLine: (line) => prismLines.push(line),
        onExit: (code) => console.log(`Prism (${name}) exited with code ${code}; its last lines:\n${prismLines.slice(-15).join('\n')}`),
      });
      try {
        const run = await fuzz(api, `${name} (mock)`, 'mock', mock.baseUrl, options.credentials ?? ADMIN, `${name}-mock.har`);
        await report(run, await mockExampleCoverage(api, `${name} (mock)`, mock.baseUrl, options.credentials ?? ADMIN));
      } finally {
        await mock.close();
      }
    }
  }
}

async function fuzz(api: FuzzApi, name: string, kind: 'server' | 'mock', baseUrl: string, credentials: CliOptions['credentials'], har: string) {
  console.log(`\n=== ${name}: ${options.settings.requests} requests, seed ${options.settings.seed} ===`);
  let last = 0;
  return fuzzTarget({
    api,
    name,
    kind,
    baseUrl,
    credentials,
    requests: options.settings.requests,
    seed: options.settings.seed,
    harFile: join(harDir, har),
    // Progress at most every 10 s: enough to see a long run move, not enough to bury the report.
    log: (line) => {
      if (Date.now() - last < 10_000) return;
      last = Date.now();
      console.log(`  … ${line}`);
    },
  });
}

async function report(run: FuzzRun, coverage: { text: string; problems: readonly string[] }): Promise<void> {
  console.log(run.text);
  console.log(`\n${coverage.text}`);
  for (const problem of coverage.problems) console.log(`COVERAGE: ${problem}`);
  outcomes.push({ name: run.options.name, requests: run.report.requestsSent, failures: run.report.failures.length, coverageProblems: coverage.problems.length });
}

/** PostgreSQL at `DATABASE_URL`, `TEST_DATABASE_URL` or the default, if it answers within 3 s. */
async function findPostgres(): Promise<{ available: true; url: string } | { available: false; reason: string }> {
  const url = process.env['DATABASE_URL'] || process.env['TEST_DATABASE_URL'] || DEFAULT_TEST_DATABASE_URL;
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 3_000 });
  try {
    await client.connect();
    return { available: true, url };
  } catch (error) {
    return { available: false, reason: `${new URL(url).host} does not answer: ${(error as Error).message}` };
  } finally {
    await client.end().catch(() => {});
  }
}
