import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { ClientTokenVault } from './client-token-vault.ts';

const USER = '9f2c4b7e1a3d5c8e0b6a4f2d1c3e5a7b';

describe('ClientTokenVault', () => {
  const vault = new ClientTokenVault(randomBytes(32));

  it('issues a 256-bit token whose stored form holds neither the token nor its secret', () => {
    const { token, stored } = vault.issue(USER);
    expect(token).toMatch(/^oz1\.[A-Za-z0-9_-]{43}$/);
    expect(stored.tokenHash).toBe(vault.hash(token));
    expect(stored.tokenHash).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify(stored)).not.toContain(token.slice(4));
  });

  it('issues a different token every time', () => {
    expect(vault.issue(USER).token).not.toBe(vault.issue(USER).token);
  });

  it('opens a sealed token under its key', () => {
    const { token, stored } = vault.issue(USER);
    expect(vault.open(USER, stored)).toBe(token);
  });

  it('opens nothing under another key', () => {
    const { stored } = vault.issue(USER);
    expect(new ClientTokenVault(randomBytes(32)).open(USER, stored)).toBeUndefined();
  });

  it('opens nothing moved to another user or another hash', () => {
    const a = vault.issue(USER);
    const b = vault.issue(USER);
    expect(vault.open('0'.repeat(32), a.stored)).toBeUndefined();
    expect(vault.open(USER, { tokenHash: b.stored.tokenHash, sealed: a.stored.sealed })).toBeUndefined();
  });

  it('opens nothing tampered with or malformed', () => {
    const { stored } = vault.issue(USER);
    const parts = stored.sealed.split('.');
    parts[2] = Buffer.from('tampered').toString('base64url');
    expect(vault.open(USER, { ...stored, sealed: parts.join('.') })).toBeUndefined();
    expect(vault.open(USER, { ...stored, sealed: 'garbage' })).toBeUndefined();
  });

  it('refuses a key that is not 32 bytes', () => {
    expect(() => new ClientTokenVault(randomBytes(16))).toThrow(/32 bytes/);
  });
});

describe('ClientTokenVault.open, remembered', () => {
  it('answers a token it opened again, and never for a swapped user, hash or sealed text', () => {
    const vault = new ClientTokenVault(randomBytes(32));
    const { token, stored } = vault.issue(USER);
    expect(vault.open(USER, stored)).toBe(token);
    expect(vault.open(USER, stored)).toBe(token);
    // A remembered token is keyed by the user, the hash and the sealed text: none of them can be swapped.
    expect(vault.open('0'.repeat(32), stored)).toBeUndefined();
    const other = vault.issue(USER);
    expect(vault.open(USER, { tokenHash: other.stored.tokenHash, sealed: stored.sealed })).toBeUndefined();
    expect(vault.open(USER, { tokenHash: stored.tokenHash, sealed: other.stored.sealed })).toBeUndefined();
  });

  it('answers a frozen row (a remembering store hands it out again) by the row, for its user only', () => {
    const vault = new ClientTokenVault(randomBytes(32));
    const { token, stored } = vault.issue(USER);
    const row = Object.freeze({ ...stored });
    expect(vault.open(USER, row)).toBe(token);
    expect(vault.open(USER, row)).toBe(token);
    expect(vault.open('0'.repeat(32), row)).toBeUndefined();
    expect(vault.open(USER, row)).toBe(token);
  });
});
