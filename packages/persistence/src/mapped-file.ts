/**
 * The start of an open file mapped into memory, read-only and shared (`mmap`), from the addon built
 * at install (native/mapped-file.c, native/build.mjs). Reading the bytes sees every other process's
 * writes to the file at once, with no system call, as SQLite reads its own WAL index.
 */
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/** A mapping of a file's first bytes. */
export interface MappedFile {
  /** The file's first bytes as they are now; empty once unmapped. */
  readonly bytes: Uint8Array;
  /** Gives the mapping back; `bytes` reads as empty from then on. */
  unmap(): void;
}

interface Addon {
  mapShared(fd: number, length: number): ArrayBuffer;
  unmap(buffer: ArrayBuffer): void;
}

/** The addon, or why there is none here (not built: no C toolchain, not Linux; see build/skipped.txt). */
type Loaded = { addon: Addon; reason?: undefined } | { addon?: undefined; reason: string };

let loaded: Loaded | undefined;

function load(): Loaded {
  // Resolved through the package's name, not this file's URL: in a server's bundle
  // (apps/*/dist/index.js) this module is no longer beside the build folder.
  const require = createRequire(import.meta.url);
  let buildDir: string;
  try {
    buildDir = join(dirname(require.resolve('@repo/persistence/package.json')), 'build');
  } catch (error) {
    return { reason: `@repo/persistence is not installed beside this code: ${(error as Error).message}` };
  }
  const skipped = join(buildDir, 'skipped.txt');
  if (existsSync(skipped)) return { reason: readFileSync(skipped, 'utf8').trim() };
  try {
    return { addon: require(join(buildDir, 'Release/mapped_file.node')) as Addon };
  } catch (error) {
    return { reason: `the addon did not load (run npm ci): ${(error as Error).message}` };
  }
}

/** Why files cannot be mapped here, or undefined when they can. */
export function mappingUnavailable(): string | undefined {
  loaded ??= load();
  return loaded.reason;
}

/**
 * Maps the first `length` bytes of the file open as `fd`, or returns undefined when the addon is
 * not built here (see {@link mappingUnavailable}). The file must stay at least `length` bytes long
 * while mapped: reading a page past its end kills the process (SIGBUS).
 */
export function mapFile(fd: number, length: number): MappedFile | undefined {
  loaded ??= load();
  const { addon } = loaded;
  if (addon === undefined) return undefined;
  const buffer = addon.mapShared(fd, length);
  const bytes = new Uint8Array(buffer);
  return {
    bytes,
    unmap: () => addon.unmap(buffer),
  };
}
