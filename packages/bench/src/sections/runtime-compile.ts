import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { BenchContext } from '../bench-context.ts';

/** How long the runtime takes to compile both real specs, in a fresh process pinned to the server core. */
export interface RuntimeCompile {
  /** The first compile (cold: nothing cached, JIT cold). */
  firstMs: number;
  medianOffMs: number;
  medianWithResponseValidationMs: number;
  runs: number;
}

/** Runs `runtime-compile-probe.ts` and reads its JSON line. */
export function runtimeCompile(context: BenchContext, runs: number): RuntimeCompile {
  const probe = fileURLToPath(new URL('../runtime-compile-probe.ts', import.meta.url));
  const output = execFileSync('taskset', ['-c', context.serverCore, process.execPath, '--import', 'tsx', probe, String(runs)], { encoding: 'utf8' });
  return JSON.parse(output.trim().split('\n').at(-1) ?? '{}') as RuntimeCompile;
}
