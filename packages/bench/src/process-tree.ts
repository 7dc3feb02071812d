import { readdirSync, readFileSync } from 'node:fs';

/** Linux clock ticks per second (`getconf CLK_TCK`, 100 on every common kernel). */
const TICKS_PER_SECOND = 100;

/** `pid` and every live process below it (a mock's Prism runs in a child of the process started). */
export function processTree(pid: number): number[] {
  const children = new Map<number, number[]>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const ppid = statFields(Number(entry))?.[1];
    if (ppid === undefined) continue;
    const siblings = children.get(Number(ppid)) ?? [];
    siblings.push(Number(entry));
    children.set(Number(ppid), siblings);
  }
  const tree: number[] = [];
  const pending = [pid];
  while (pending.length > 0) {
    const current = pending.pop()!;
    tree.push(current);
    pending.push(...(children.get(current) ?? []));
  }
  return tree;
}

/**
 * CPU seconds (user + system) used so far by `pid` and its descendants, from `/proc/<pid>/stat`.
 * CPU time, unlike requests per second, hardly moves when other work takes the core away, so CPU
 * per request compares servers more fairly on a shared machine. Linux only.
 */
export function treeCpuSeconds(pid: number): number {
  let total = 0;
  for (const member of processTree(pid)) {
    const fields = statFields(member);
    if (fields) total += (Number(fields[11]) + Number(fields[12])) / TICKS_PER_SECOND;
  }
  return total;
}

/** Resident memory of `pid` and its descendants, in bytes: now (`VmRSS`) and at its peak (`VmHWM`, summed). */
export function treeMemory(pid: number): { rssBytes: number; peakRssBytes: number } {
  let rssBytes = 0;
  let peakRssBytes = 0;
  for (const member of processTree(pid)) {
    const status = readProc(member, 'status');
    if (status === undefined) continue;
    rssBytes += statusKilobytes(status, 'VmRSS') * 1024;
    peakRssBytes += statusKilobytes(status, 'VmHWM') * 1024;
  }
  return { rssBytes, peakRssBytes };
}

/** A `kB` field of `/proc/<pid>/status`, 0 when absent (a zombie has none). */
export function statusKilobytes(status: string, field: string): number {
  const match = new RegExp(`^${field}:\\s+(\\d+) kB$`, 'm').exec(status);
  return match ? Number(match[1]) : 0;
}

/** The fields of `/proc/<pid>/stat` after the command name (index 0 is the state, 1 the ppid). */
function statFields(pid: number): string[] | undefined {
  const text = readProc(pid, 'stat');
  // The command name (field 2) may hold spaces and parentheses: fields are counted after its last ')'.
  return text === undefined ? undefined : text.slice(text.lastIndexOf(')') + 2).split(' ');
}

function readProc(pid: number, file: string): string | undefined {
  try {
    return readFileSync(`/proc/${pid}/${file}`, 'utf8');
  } catch {
    return undefined;
  }
}
