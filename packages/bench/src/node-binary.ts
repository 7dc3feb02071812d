/**
 * `--node <major|path>`: the whole bench on another Node.js, so that a release past its end of
 * life (the machine's) and the current LTS can be compared on one machine. The run re-executes
 * itself on that binary: every server, peer and probe it starts uses `process.execPath`, so all
 * of them run on the same Node, and the report's machine line names it. A major version comes
 * from the npm registry's `node` package (as .ci/run takes Node 24), nothing else is downloaded.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { accessSync, constants } from 'node:fs';

/** What `--node` asks for: a major version (`24`) or an executable's path. */
export type NodeChoice = { readonly major: number } | { readonly path: string };

/** Parses `--node`'s value; throws with the reason on anything else. */
export function parseNodeChoice(value: string): NodeChoice {
  if (/^\d+$/.test(value)) {
    const major = Number(value);
    if (major < 20) throw new Error(`--node: Node.js ${major} cannot run the servers (they need ^20.19 || ^22.12 || >=24)`);
    return { major };
  }
  if (value.includes('/')) return { path: value };
  throw new Error(`--node: a major version (e.g. 24) or the path of a node binary, got ${JSON.stringify(value)}`);
}

/** Whether the running process already is what was chosen. */
export function isRunningOn(choice: NodeChoice, version = process.version, execPath = process.execPath): boolean {
  return 'major' in choice ? Number(/^v(\d+)/.exec(version)?.[1]) === choice.major : choice.path === execPath;
}

/** The executable for a choice: a path as given (if executable), a major version from the npm registry. */
export function resolveNodeBinary(choice: NodeChoice): string {
  if ('path' in choice) {
    accessSync(choice.path, constants.X_OK);
    return choice.path;
  }
  return execFileSync('npx', ['-y', `node@${choice.major}`, '-p', 'process.execPath'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] }).trim();
}

/**
 * Runs this same command (its loader flags, script and arguments) on `binary` and exits with its
 * status: the caller does not continue. The child is told it was re-executed (`BENCH_REEXECUTED`),
 * so a binary whose `execPath` differs from the path given (a symlink) is not re-executed again.
 */
export function reexecOn(binary: string): never {
  const env = { ...process.env, BENCH_REEXECUTED: binary };
  const result = spawnSync(binary, [...process.execArgv, ...process.argv.slice(1)], { stdio: 'inherit', env });
  if (result.error !== undefined) throw result.error;
  process.exit(result.status ?? 1);
}
