/**
 * `npm test` keeps the run's temporary files on a tmpfs when it may (scripts/test-temp-folder.mjs):
 * only when TMPDIR is unset, and only on a writable tmpfs.
 */
import { existsSync, statfsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from './support/apis.ts';
// @ts-expect-error: a plain .mjs script of the root, without types
import { testTempFolder, TMPFS_MAGIC } from '../scripts/test-temp-folder.mjs';

const folderFor = testTempFolder as (env: Record<string, string | undefined>, shm?: string) => string | undefined;

const shmIsTmpfs = (() => {
  try {
    return statfsSync('/dev/shm').type === TMPFS_MAGIC;
  } catch {
    return false;
  }
})();

describe('the test run’s temporary folder', () => {
  it('is left to the caller when TMPDIR is set', () => {
    expect(folderFor({ TMPDIR: '/somewhere/else' })).toBeUndefined();
  });

  // procfs: on every Linux, and never a tmpfs (the repository itself may be cloned into one).
  it.skipIf(!existsSync('/proc/self'))('is not a folder that is no tmpfs', () => {
    expect(statfsSync('/proc').type).not.toBe(TMPFS_MAGIC);
    expect(folderFor({}, '/proc')).toBeUndefined();
  });

  it('is not a folder that does not exist', () => {
    expect(folderFor({}, join(repoRoot, 'no-such-folder'))).toBeUndefined();
  });

  it.skipIf(!shmIsTmpfs)('is /dev/shm where that is a tmpfs', () => {
    expect(folderFor({})).toBe('/dev/shm');
  });
});
