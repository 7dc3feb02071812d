/**
 * `npm test` keeps the run's temporary files on a tmpfs when it may (scripts/test-temp-folder.mjs):
 * only when TMPDIR is unset, and only on a writable tmpfs.
 */
import { statfsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from './support/apis.ts';
// @ts-expect-error: a plain .mjs script of the root, without types
import { testTempFolder } from '../scripts/test-temp-folder.mjs';

const folderFor = testTempFolder as (env: Record<string, string | undefined>, shm?: string) => string | undefined;
const TMPFS_MAGIC = 0x01021994;

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

  it('is not a folder that is no tmpfs', () => {
    // The repository's own folder: a disk or an overlay, not a tmpfs.
    expect(statfsSync(repoRoot).type).not.toBe(TMPFS_MAGIC);
    expect(folderFor({}, repoRoot)).toBeUndefined();
  });

  it('is not a folder that does not exist', () => {
    expect(folderFor({}, join(repoRoot, 'no-such-folder'))).toBeUndefined();
  });

  it.skipIf(!shmIsTmpfs)('is /dev/shm where that is a tmpfs', () => {
    expect(folderFor({})).toBe('/dev/shm');
  });
});
