import { readdirSync, readFileSync } from 'node:fs';

/** Linux clock ticks per second (`getconf CLK_TCK`, 100 on every common kernel). */
const TICKS_PER_SECOND = 100;

/** utime, stime and ppid of a process from `/proc/<pid>/stat`, or undefined when it is gone. */
function stat(pid: number): { cpu: number; ppid: number } | undefined {
  try {
    const text = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name (field 2) may hold spaces and parentheses: fields are counted after its last ')'.
    const fields = text.slice(text.lastIndexOf(')') + 2).split(' ');
    return { ppid: Number(fields[1]), cpu: (Number(fields[11]) + Number(fields[12])) / TICKS_PER_SECOND };
  } catch {
    return undefined;
  }
}

/**
 * CPU seconds (user + system) used so far by `pid` and every process below it (Prism runs in a
 * child of the bench server). CPU time, unlike requests per second, does not shrink when other
 * work on the machine takes the core away, so CPU per request compares two mocks more fairly on
 * a busy machine. Linux only.
 */
export function treeCpuSeconds(pid: number): number {
  const parents = new Map<number, number>();
  const cpu = new Map<number, number>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const info = stat(Number(entry));
    if (info === undefined) continue;
    parents.set(Number(entry), info.ppid);
    cpu.set(Number(entry), info.cpu);
  }
  const inTree = (candidate: number): boolean => {
    for (let current: number | undefined = candidate; current !== undefined && current > 1; current = parents.get(current)) {
      if (current === pid) return true;
    }
    return false;
  };
  let total = 0;
  for (const [candidate, seconds] of cpu) if (inTree(candidate)) total += seconds;
  return total;
}
