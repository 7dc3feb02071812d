import { describe, expect, it } from 'vitest';
import { memoizedStore } from './memoized-store.ts';

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

describe('memoizedStore', () => {
  it('answers a repeated read from memory', async () => {
    const inner = new CountingStore();
    const store = memoizedStore(inner, ['get', 'list']);
    await store.create('a');
    expect(await store.get('a')).toEqual({ name: 'a' });
    expect(await store.get('a')).toEqual({ name: 'a' });
    expect(inner.reads).toBe(1);
  });

  it('keeps reads with other arguments apart', async () => {
    const store = memoizedStore(new CountingStore(), ['get']);
    await store.create('a');
    expect(await store.get('b')).toBeUndefined();
    expect(await store.get('a')).toEqual({ name: 'a' });
  });

  it('forgets every read on a write', async () => {
    const store = memoizedStore(new CountingStore(), ['get', 'list']);
    expect(await store.list()).toEqual([]);
    await store.create('a');
    expect(await store.list()).toEqual(['a']);
  });

  it('does not remember a read that overlapped a write', async () => {
    const inner = new CountingStore();
    const store = memoizedStore(inner, ['list']);
    const during = store.list();
    const write = store.create('a');
    await Promise.all([during, write]);
    expect(await store.list()).toEqual(['a']);
  });

  it('freezes what it remembers, so no caller can change a later answer', async () => {
    const store = memoizedStore(new CountingStore(), ['get']);
    await store.create('a');
    const user = (await store.get('a'))!;
    expect(() => {
      user.name = 'b';
    }).toThrow(TypeError);
  });
});
