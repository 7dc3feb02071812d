import { execFileSync } from 'node:child_process';
import { availableParallelism } from 'node:os';

/** Where a benchmark runs: the server (and the raw hashing) on one core, the load generator on another. */
export interface BenchCores {
  cores: number;
  serverCore: string;
  loadCore: string;
}

/** Core 0 for the server, core 1 for the load (core 0 too on a single-core machine). */
export function benchCores(): BenchCores {
  const cores = availableParallelism();
  return { cores, serverCore: '0', loadCore: cores > 1 ? '1' : '0' };
}

/** Pins this process, all its threads, to `core` (Linux `taskset`), so it does not compete with the server. */
export function pinThisProcess(core: string): void {
  execFileSync('taskset', ['-a', '-cp', core, String(process.pid)], { stdio: 'ignore' });
}
