import { describe, expect, it } from 'vitest';
import { processTree, statusKilobytes, treeMemory } from './process-tree.ts';

describe('statusKilobytes', () => {
  const status = 'Name:\tnode\nVmHWM:\t  180224 kB\nVmRSS:\t   95000 kB\n';
  it('reads a kB field of /proc/<pid>/status', () => {
    expect(statusKilobytes(status, 'VmHWM')).toBe(180224);
    expect(statusKilobytes(status, 'VmRSS')).toBe(95000);
  });
  it('is 0 for a missing field', () => {
    expect(statusKilobytes(status, 'VmSwap')).toBe(0);
  });
});

describe.runIf(process.platform === 'linux')('this process', () => {
  it('is the root of its own tree, and resident', () => {
    expect(processTree(process.pid)[0]).toBe(process.pid);
    const { rssBytes, peakRssBytes } = treeMemory(process.pid);
    expect(rssBytes).toBeGreaterThan(0);
    expect(peakRssBytes).toBeGreaterThanOrEqual(rssBytes);
  });
});
