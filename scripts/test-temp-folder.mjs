// Where a test run keeps its temporary files: the suites' SQLite databases and data folders, the
// fuzz suites' HAR files, the pages built for the browser tests, and tsx's compile cache.
//
// The servers fsync every commit, as they must, and the suites make thousands of commits (the fuzz
// suites ~2,000 requests per server). On a virtual disk each fsync costs milliseconds, waited out
// on the run's critical path, and it proves nothing that a tmpfs does not: the tests kill server
// processes (SIGKILL, restarts), never the machine, and the page cache outlives a process on both.
// So a run that was not given TMPDIR uses /dev/shm when that is a writable tmpfs (Linux). Not a
// fresh folder per run: tsx keeps its compile cache in the temp folder, and the suites remove the
// folders they make.
import { accessSync, constants, statfsSync } from 'node:fs';

const SHM = '/dev/shm';
/** statfs(2)'s f_type of a tmpfs. */
export const TMPFS_MAGIC = 0x01021994;

/** The folder for TMPDIR, or undefined when TMPDIR is set (the caller's choice wins) or `shm` is no writable tmpfs. */
export function testTempFolder(env, shm = SHM) {
  if (env.TMPDIR) return undefined;
  try {
    if (statfsSync(shm).type !== TMPFS_MAGIC) return undefined;
    accessSync(shm, constants.W_OK);
  } catch {
    return undefined;
  }
  return shm;
}
