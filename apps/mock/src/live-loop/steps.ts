/** The live loop's real steps: the repository's own commands, their output cut to what matters. */
import { spawn, type ChildProcess } from 'node:child_process';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { Step, StepOutcome } from './pipeline.ts';
import { lintProblems, tail, tscErrors } from './problems.ts';

/** A finished command: exit code and stdout and stderr interleaved. */
export interface CommandResult {
  code: number | null;
  output: string;
}

// TypeScript 7's native compiler, as `npm run typecheck` uses: a re-check after a save in a fraction of 5.9's time.
// Its package exports no `bin/tsc`, hence the path from its package.json.
const TSC = join(dirname(createRequire(import.meta.url).resolve('typescript-native/package.json')), 'bin', 'tsc');
const running = new Set<ChildProcess>();

/**
 * Runs a command in `cwd` without a shell, collecting its output. Each command is the leader of
 * its own process group, so {@link stopCommands} also ends what it started (npm → sh → node).
 */
export function runCommand(command: string, args: readonly string[], cwd: string): Promise<CommandResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      cwd,
      detached: true,
      env: { ...process.env, REDOCLY_TELEMETRY: 'off', TURBO_TELEMETRY_DISABLED: '1', NO_COLOR: '1', FORCE_COLOR: '0' },
    });
    running.add(child);
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.once('error', reject);
    child.once('close', (code) => {
      running.delete(child);
      resolve({ code, output });
    });
  });
}

/** Ends every command still running (on Ctrl-C), with the processes they started. */
export function stopCommands(): void {
  for (const child of running) {
    try {
      if (child.pid !== undefined) process.kill(-child.pid, 'SIGTERM');
    } catch {
      // already gone
    }
  }
}

/** Runs commands; injectable so the step builders are tested without running tools. */
export type Runner = (command: string, args: readonly string[]) => Promise<CommandResult>;

const outcome = (result: CommandResult, problems: string[]): StepOutcome => ({
  ok: result.code === 0,
  details: result.code === 0 ? [] : problems.length > 0 ? problems : tail(result.output),
});

/** Redocly lint of both specs (strict: a warning fails too); gates the rest. */
export function lintStep(run: Runner): Step {
  return {
    name: 'lint',
    gate: true,
    run: async () => {
      const result = await run('npm', ['run', '-s', 'lint', '-w', 'specs', '--', '--format', 'stylish']);
      return outcome(result, lintProblems(result.output).map((line) => `specs/${line}`));
    },
  };
}

/** `npm run generate -w specs`: bundles and types; gates the rest. Prism reloads by itself from the new bundles. */
export function generateStep(run: Runner): Step {
  return { name: 'generate', gate: true, run: async () => outcome(await run('npm', ['run', '-s', 'generate', '-w', 'specs']), []) };
}

/** `npm run docs -w specs`: the offline reference pages. */
export function docsStep(run: Runner): Step {
  return { name: 'docs', gate: false, run: async () => outcome(await run('npm', ['run', '-s', 'docs', '-w', 'specs']), []) };
}

/**
 * `tsc` on one app, incremental (the build info kept in the temp folder, so a re-check after a
 * small spec edit takes a fraction of a full one). Its errors are the handlers that no longer
 * match the regenerated types.
 */
export function typecheckStep(run: Runner, app: string): Step {
  const buildInfo = join(tmpdir(), `dev-specs-${app.replace(/\W+/g, '-')}.tsbuildinfo`);
  return {
    name: `typecheck ${app}`,
    gate: false,
    run: async () => {
      const result = await run(process.execPath, [TSC, '-p', `${app}/tsconfig.json`, '--pretty', 'false', '--incremental', '--tsBuildInfoFile', buildInfo]);
      return outcome(result, handlersFirst(tscErrors(result.output)));
    },
  };
}

const TEST_FILE = /(\.test(-d)?\.ts|[\\/](test-support|testing)[\\/])/;

/**
 * The errors in what the app runs (handlers, services) in full; those in its tests, which follow
 * from them, as one line. Long messages are cut: the file and line say where to look.
 */
function handlersFirst(errors: string[]): string[] {
  const cut = (line: string) => (line.length > 220 ? `${line.slice(0, 219)}…` : line);
  const inTests = errors.filter((line) => TEST_FILE.test(line.split(':')[0] ?? ''));
  const inCode = errors.filter((line) => !inTests.includes(line)).map(cut);
  if (inTests.length === 0) return inCode;
  const files = new Set(inTests.map((line) => line.split(':')[0]));
  return [...inCode, `+ ${inTests.length} error${inTests.length === 1 ? '' : 's'} in tests (${[...files].join(', ')})`];
}

/** Restarts something that serves from the bundles (the stateful mock reads them at start). */
export function reloadStep(name: string, restart: () => Promise<string[]>): Step {
  return { name, gate: false, run: async () => ({ ok: true, details: await restart() }) };
}
