import { execFileSync } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, readdirSync, readFileSync, readlinkSync, rmSync, statSync, symlinkSync, writeFileSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import Database from 'libsql';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from './database.ts';
import { mappingUnavailable } from './mapped-file.ts';
import { watchWalIndexHeader } from './wal-index-header.ts';

const dir = mkdtempSync(join(tmpdir(), 'wal-index-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A file database in WAL mode with a table, as openDatabase leaves it. */
function walDatabase(name: string): { file: string; connection: Database.Database } {
  const file = join(dir, name);
  const connection = new Database(file);
  connection.pragma('journal_mode = WAL');
  connection.exec('create table if not exists things (id integer primary key, flag integer)');
  return { file, connection };
}

/**
 * A `-shm` file of `bytes` zero bytes beside `name`, without SQLite, and a descriptor on it standing
 * in for SQLite's (without one the watcher does not watch the file).
 */
function indexFile(name: string, bytes: number): { file: string; shm: string; sqlites: number } {
  const file = join(dir, name);
  const shm = `${file}-shm`;
  writeFileSync(shm, Buffer.alloc(bytes));
  return { file, shm, sqlites: openSync(shm, 'r') };
}

/** This process's descriptors open on `path`. */
function descriptorsOn(path: string): number {
  return readdirSync('/proc/self/fd').filter((fd) => {
    try {
      return readlinkSync(`/proc/self/fd/${fd}`) === path;
    } catch {
      return false;
    }
  }).length;
}

/** POSIX locks this process holds on `path` (/proc/locks: `1: POSIX ADVISORY READ <pid> <maj>:<min>:<inode> …`). */
function locksOn(path: string): number {
  const inode = statSync(path).ino;
  return readFileSync('/proc/locks', 'utf8')
    .split('\n')
    .filter((line) => {
      const fields = line.trim().split(/\s+/);
      return fields[1] === 'POSIX' && fields[4] === String(process.pid) && fields[5]?.split(':')[2] === String(inode);
    }).length;
}

describe.runIf(process.platform === 'linux')('watchWalIndexHeader', () => {
  it('changes with every commit of another connection, and not with reads', () => {
    const { file, connection: other } = walDatabase('commits.sqlite');
    const own = new Database(file);
    own.prepare('select count(*) from things').get();
    const header = watchWalIndexHeader(file)!;
    try {
      expect(header.reads).toBe(mappingUnavailable() === undefined ? 'mapped' : 'pread');
      const first = header.version();
      expect(header.version()).toBe(first);
      other.prepare('select * from things').all();
      own.prepare('select * from things').all();
      expect(header.version()).toBe(first);

      other.prepare('insert into things (flag) values (1)').run();
      const second = header.version();
      expect(second).not.toBe(first);
      expect(header.version()).toBe(second);
      other.prepare('update things set flag = 2').run();
      expect(header.version()).not.toBe(second);
    } finally {
      own.close();
      other.close();
      header.close();
    }
  });

  it('sees a commit made by another process', () => {
    const { file, connection } = walDatabase('process.sqlite');
    const header = watchWalIndexHeader(file)!;
    try {
      const before = header.version();
      execFileSync(process.execPath, [
        '-e',
        `const Database = require('libsql'); const db = new Database(${JSON.stringify(file)}); db.prepare('insert into things (flag) values (9)').run(); db.close();`,
      ]);
      expect(header.version()).not.toBe(before);
      expect(connection.prepare('select flag from things').raw(true).get([])).toEqual([9]);
    } finally {
      connection.close();
      header.close();
    }
  });

  it('is not there for a database without a WAL index, nor for an index SQLite does not use', () => {
    const file = join(dir, 'rollback.sqlite');
    new Database(file).close();
    expect(watchWalIndexHeader(file)).toBeUndefined();
    expect(watchWalIndexHeader(join(dir, 'missing.sqlite'))).toBeUndefined();

    // A database reached through a symlink: SQLite keeps its index beside the real file, and a
    // leftover beside the link would never change.
    const { file: real, connection } = walDatabase('real.sqlite');
    const link = join(dir, 'link.sqlite');
    symlinkSync(real, link);
    writeFileSync(`${link}-shm`, Buffer.alloc(48));
    const through = new Database(link);
    try {
      through.prepare('select count(*) from things').get();
      expect(watchWalIndexHeader(link)).toBeUndefined();
      expect(descriptorsOn(`${link}-shm`)).toBe(0);
    } finally {
      through.close();
      connection.close();
    }
  });

  it('closes a descriptor it kept once no other descriptor of the process has the file open', () => {
    const { file, shm, sqlites } = indexFile('plain.sqlite', 48);
    const kept = watchWalIndexHeader(file)!;
    kept.close();
    expect(descriptorsOn(shm)).toBe(2);
    const next = watchWalIndexHeader(file)!;
    expect(descriptorsOn(shm)).toBe(3);
    closeSync(sqlites);
    next.close();
    expect(descriptorsOn(shm)).toBe(0);
  });

  it.skipIf(mappingUnavailable() !== undefined)('reads a whole header from the mapped file, and counts a change for any new byte', () => {
    const { file, shm, sqlites } = indexFile('mapped.sqlite', 48);
    const writer = openSync(shm, 'r+');
    const header = watchWalIndexHeader(file)!;
    try {
      expect(header.reads).toBe('mapped');
      const first = header.version();
      expect(header.version()).toBe(first);
      writeSync(writer, Buffer.from([1]), 0, 1, 47);
      const second = header.version();
      expect(second).not.toBe(first);
      expect(header.version()).toBe(second);
    } finally {
      header.close();
      closeSync(writer);
      closeSync(sqlites);
    }
  });

  it('counts a change for any new header bytes, and for a header not yet written', () => {
    const { file, shm, sqlites } = indexFile('bytes.sqlite', 8);
    const header = watchWalIndexHeader(file)!;
    try {
      // Too short to map: read with pread, whatever the file grows to.
      expect(header.reads).toBe('pread');
      const short = header.version();
      expect(header.version()).not.toBe(short);
      writeFileSync(shm, Buffer.alloc(48));
      const written = header.version();
      expect(header.version()).toBe(written);
      writeFileSync(shm, Buffer.concat([Buffer.alloc(47), Buffer.from([1])]));
      expect(header.version()).not.toBe(written);
    } finally {
      header.close();
      closeSync(sqlites);
    }
  });
});

describe.runIf(process.platform === 'linux')('openDatabase on a SQLite file, watching the WAL-index header', () => {
  it("keeps its descriptor while another connection has the file open, so that connection's locks stay", async () => {
    const options = { dataDir: dir, fileName: 'two.sqlite' };
    const shm = join(dir, 'two.sqlite-shm');
    const first = await openDatabase(options);
    const second = await openDatabase(options);
    await sql`create table things (id integer primary key)`.execute(first.db);
    // SQLite's descriptor (one per process and file) and each watcher's.
    expect(descriptorsOn(shm)).toBe(3);
    const held = locksOn(shm);
    expect(held).toBeGreaterThan(0);

    // Closing any descriptor of a file drops the process's POSIX locks on it: the watcher of the
    // first connection must not close while the second still uses the file.
    await first.close();
    expect(locksOn(shm)).toBe(held);
    expect(descriptorsOn(shm)).toBe(3);
    await sql`insert into things default values`.execute(second.db);
    await second.close();
  });

  it('answers from memory until another connection commits', async () => {
    const options = { dataDir: dir, fileName: 'cached.sqlite' };
    const server = await openDatabase<{ things: { id: number; flag: number } }>(options);
    try {
      await sql`create table things (id integer primary key, flag integer not null)`.execute(server.db);
      await server.db.insertInto('things').values({ id: 1, flag: 0 }).execute();
      const read = () => server.db.selectFrom('things').select('flag').where('id', '=', 1).executeTakeFirstOrThrow();
      const remembered = await read();
      expect(await read()).toBe(remembered);

      const other = new Database(join(dir, 'cached.sqlite'));
      other.prepare('update things set flag = 5').run();
      other.close();
      expect(await read()).toEqual({ flag: 5 });
    } finally {
      await server.close();
    }
  });
});
