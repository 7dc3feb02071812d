import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { decodeTokenKey, loadTokenKey, TOKEN_KEY_FILE } from './token-key.ts';

describe('loadTokenKey', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'onezone-key-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('creates a 32-byte key file readable by its owner only, and reads the same key later', async () => {
    const first = await loadTokenKey(undefined, join(dir, 'data'));
    expect(first.source).toBe('file-created');
    expect(first.key).toHaveLength(32);
    expect(statSync(join(dir, 'data', TOKEN_KEY_FILE)).mode & 0o777).toBe(0o600);
    const second = await loadTokenKey(undefined, join(dir, 'data'));
    expect(second).toMatchObject({ source: 'file' });
    expect(second.key).toEqual(first.key);
  });

  it('gives concurrent first starts on one folder the same key', async () => {
    const keys = await Promise.all(Array.from({ length: 5 }, () => loadTokenKey(undefined, dir)));
    for (const { key } of keys) expect(key).toEqual(keys[0]!.key);
  });

  it('prefers the configured key and writes no file', async () => {
    const key = Buffer.alloc(32, 1);
    expect(await loadTokenKey(key, dir)).toEqual({ key, source: 'env' });
    expect(() => statSync(join(dir, TOKEN_KEY_FILE))).toThrow();
  });

  it('refuses a key file that holds no key', async () => {
    writeFileSync(join(dir, TOKEN_KEY_FILE), 'not a key\n');
    await expect(loadTokenKey(undefined, dir)).rejects.toThrow(/not a 32-byte key/);
  });
});

describe('decodeTokenKey', () => {
  it('reads base64, base64url and hex, and nothing else', () => {
    const key = Buffer.alloc(32, 0xfb);
    expect(decodeTokenKey(key.toString('base64'))).toEqual(key);
    expect(decodeTokenKey(key.toString('base64url'))).toEqual(key);
    expect(decodeTokenKey(key.toString('hex'))).toEqual(key);
    expect(decodeTokenKey(Buffer.alloc(16).toString('base64'))).toBeUndefined();
    expect(decodeTokenKey('')).toBeUndefined();
  });
});
