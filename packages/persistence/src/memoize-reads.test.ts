import { describe, expect, it } from 'vitest';
import { memoizeReads } from './memoize-reads.ts';

/** A store that counts its reads and whose reads see its writes. */
class CountingStore {
  #users = new Map<string, { name: string }>();
  reads = 0;
  async get(name: string) {
    this.reads += 1;
    return this.#users.get(name);
  }
  async list() {
    this.reads += 1;
    return [...this.#users.keys()];
  }
  async create(name: string) {
    this.#users.set(name, { name });
  }
}

describe('memoizeReads', () => {
  it('answers a repeated read from memory', async () => {
    const inner = new CountingStore();
    const store = memoizeReads(inner, ['get', 'list']);
    await store.create('a');
    expect(await store.get('a')).toEqual({ name: 'a' });
    expect(await store.get('a')).toEqual({ name: 'a' });
    expect(inner.reads).toBe(1);
  });

  it('keeps reads with other arguments apart', async () => {
    const store = memoizeReads(new CountingStore(), ['get']);
    await store.create('a');
    expect(await store.get('b')).toBeUndefined();
    expect(await store.get('a')).toEqual({ name: 'a' });
  });

  it('forgets every read on a write', async () => {
    const store = memoizeReads(new CountingStore(), ['get', 'list']);
    expect(await store.list()).toEqual([]);
    await store.create('a');
    expect(await store.list()).toEqual(['a']);
  });

  it('does not remember a read that overlapped a write', async () => {
    const inner = new CountingStore();
    const store = memoizeReads(inner, ['list']);
    const during = store.list();
    const write = store.create('a');
    await Promise.all([during, write]);
    expect(await store.list()).toEqual(['a']);
  });

  it('freezes what it remembers, so no caller can change a later answer', async () => {
    const store = memoizeReads(new CountingStore(), ['get']);
    await store.create('a');
    const user = (await store.get('a'))!;
    expect(() => {
      user.name = 'b';
    }).toThrow(TypeError);
  });
});

describe('memoizeReads with a change counter', () => {
  it('forgets what it read when the counter moves (a write it did not see, another connection)', async () => {
    const inner = new CountingStore();
    let generation = 0;
    const store = memoizeReads(inner, ['get'], { generation: () => generation, openScope: () => () => undefined });
    expect(await store.get('a')).toBeUndefined();
    await inner.create('a'); // behind the wrapper's back, like another process
    expect(await store.get('a')).toBeUndefined();
    generation += 1;
    expect(await store.get('a')).toEqual({ name: 'a' });
    expect(await store.get('a')).toEqual({ name: 'a' });
    expect(inner.reads).toBe(2);
  });
});

describe('memoizeReads on an SQLite store', () => {
  it('sees a write made on its connection by code outside the store, and a commit by another connection', async () => {
    const { mkdtempSync, rmSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const { join } = await import('node:path');
    const { openDatabase } = await import('./database.ts');
    const dir = mkdtempSync(join(tmpdir(), 'memoize-'));
    const options = { dataDir: dir, fileName: 'users.sqlite' };
    const [mine, other] = [await openDatabase<any>(options), await openDatabase<any>(options)];
    try {
      await mine.db.schema.createTable('users').addColumn('name', 'text').execute();
      const names = { list: async () => (await mine.db.selectFrom('users').select('name').orderBy('name').execute()).map((r) => r.name as string) };
      const store = memoizeReads(names, ['list'], mine.changes);
      expect(await store.list()).toEqual([]);
      await mine.db.insertInto('users').values({ name: 'a' }).execute();
      expect(await store.list()).toEqual(['a']);
      await other.db.insertInto('users').values({ name: 'b' }).execute();
      expect(await store.list()).toEqual(['a', 'b']);
      await other.db.deleteFrom('users').execute();
      expect(await store.list()).toEqual([]);
    } finally {
      await Promise.all([mine.close(), other.close()]);
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
