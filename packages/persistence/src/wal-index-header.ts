/**
 * Tells whether another connection committed to a SQLite database in WAL mode by reading the
 * WAL-index header: the first 48 bytes of `<database>-shm`, which every commit rewrites
 * (`iChange` counts commits, `mxFrame` and the salts move with the log; https://sqlite.org/walformat.html
 * §2.1, a documented format that SQLite versions sharing a file rely on). It answers what
 * `PRAGMA data_version` answers, without a statement (~3 µs isolated, ~8 µs of a served read under
 * load: a statement takes and drops a WAL read lock with `fcntl`). The header is read from memory:
 * the file's first page mapped read-only and shared (./mapped-file.ts), as SQLite maps it itself, so
 * a check is a 48-byte compare with no system call. Where the addon that maps it is not built, one
 * `pread` per check (~0.6 µs isolated, but a system call per request cost ~8 % of a served
 * `get_user`'s throughput, measured 2026-11-28 for #12; packages/persistence/README.md).
 *
 * The header is compared whole, so any change counts: a commit always changes it; a torn read while
 * a writer rewrites it only makes a change be counted twice. Both cost a re-read, never a stale one.
 *
 * A mapped page read past the file's end kills the process (SIGBUS), so the mapping is made only of
 * a file already holding a header, and only while SQLite in this process uses it: SQLite shortens
 * the file only when a connection finds itself the first on the database (it then holds the file's
 * DMS lock alone, which this process's connection prevents), and {@link WalIndexHeader.close}, which
 * runs after that connection closed, unmaps first.
 *
 * Our descriptor on the `-shm` file must outlive SQLite's use of the file in this process: closing
 * any descriptor of a file drops every POSIX lock the process holds on it, SQLite's read and write
 * locks included. So {@link WalIndexHeader.close} runs after the connection closed, and keeps the
 * descriptor open while another descriptor in the process still refers to the file (another
 * connection on the same database; libsql itself lets go of the file only when its statements are
 * collected); such a descriptor is closed when a later watcher opens or closes and finds none.
 */
import { closeSync, fstatSync, openSync, readdirSync, readSync } from 'node:fs';
import { mapFile, type MappedFile } from './mapped-file.ts';

/** Bytes of one copy of the WAL-index header. */
const HEADER_BYTES = 48;

/** Watches one database's WAL-index header. */
export interface WalIndexHeader {
  /** A number that changes whenever a commit (by any connection) has changed the header since the last call. */
  version(): number;
  /** How {@link version} reads the header: from the mapped file, or with a `pread` where it cannot be mapped. */
  readonly reads: 'mapped' | 'pread';
  /** Gives up the descriptor, once nothing else in this process has the file open. Call after closing the connection. */
  close(): void;
}

/** Descriptors whose close was put off because another descriptor had the same file open. */
const lingering = new Set<number>();

/**
 * Opens the watcher of `databaseFile`'s WAL-index, or undefined where there is none to watch:
 * not Linux (the close rule needs `/proc/self/fd`), no `-shm` file (not in WAL mode, or memory),
 * or one that SQLite does not have open in this process. Open it after the connection has switched
 * to WAL and read once, so that SQLite has the file open.
 */
export function watchWalIndexHeader(databaseFile: string): WalIndexHeader | undefined {
  if (process.platform !== 'linux') return undefined;
  if (lingering.size > 0) closeUnshared();
  let fd: number;
  try {
    fd = openSync(`${databaseFile}-shm`, 'r');
  } catch {
    return undefined;
  }
  // SQLite keeps the file it uses open: a `-shm` it does not have open (a symlinked database whose
  // index lives beside the real file, say) is a leftover that no commit would ever change. Closing
  // ours then drops no lock: the process holds none on a file it has no other descriptor of.
  if (!openElsewhere(fd)) {
    closeSync(fd);
    return undefined;
  }
  const mapped = mapHeader(fd);
  const seen = Buffer.alloc(HEADER_BYTES);
  const now = Buffer.alloc(HEADER_BYTES);
  let version = 0;
  let closed = false;
  return {
    reads: mapped === undefined ? 'pread' : 'mapped',
    version() {
      let whole = true;
      if (mapped !== undefined) now.set(mapped.bytes);
      // A short read (a file not yet grown) is no header to trust: count a change.
      else whole = readSync(fd, now, 0, HEADER_BYTES, 0) === HEADER_BYTES;
      if (!whole || !now.equals(seen)) {
        now.copy(seen);
        version += 1;
      }
      return version;
    },
    close() {
      if (closed) return;
      closed = true;
      mapped?.unmap();
      lingering.add(fd);
      closeUnshared();
    },
  };
}

/** The header's bytes mapped, when the addon is built and the file already holds a whole header. */
function mapHeader(fd: number): MappedFile | undefined {
  if (fstatSync(fd).size < HEADER_BYTES) return undefined;
  try {
    return mapFile(fd, HEADER_BYTES);
  } catch {
    // mmap refused (a file system that cannot map, say): the pread still answers.
    return undefined;
  }
}

/** Whether a descriptor of this process other than `fd` and the lingering ones refers to `fd`'s file. */
function openElsewhere(fd: number): boolean {
  const id = fileId(fd);
  return (openFiles().get(id ?? '') ?? []).some((other) => other !== fd && !lingering.has(other));
}

/** This process's open descriptors by device and inode. */
function openFiles(): Map<string, number[]> {
  const open = new Map<string, number[]>();
  for (const name of readdirSync('/proc/self/fd')) {
    const fd = Number(name);
    const id = fileId(fd);
    if (id === undefined) continue;
    const same = open.get(id);
    if (same === undefined) open.set(id, [fd]);
    else same.push(fd);
  }
  return open;
}

/** Closes each lingering descriptor whose file no other descriptor of this process refers to. */
function closeUnshared(): void {
  const open = openFiles();
  const ours = new Set(lingering);
  for (const fd of ours) {
    const id = fileId(fd);
    if (id === undefined || (open.get(id) ?? []).every((other) => ours.has(other))) {
      lingering.delete(fd);
      if (id !== undefined) closeSync(fd);
    }
  }
}

/** Device and inode of an open descriptor, or undefined when it is not open (any more). */
function fileId(fd: number): string | undefined {
  try {
    const { dev, ino } = fstatSync(fd);
    return `${dev}:${ino}`;
  } catch {
    return undefined;
  }
}
