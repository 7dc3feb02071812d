import { describe, expect, it } from 'vitest';
import { Argon2idPasswordHasher, OWASP_ARGON2ID_PARAMS } from './password-hasher.ts';

describe('Argon2idPasswordHasher', () => {
  // OWASP parameters, as in production; each hash costs tens of milliseconds, so few of them.
  const hasher = new Argon2idPasswordHasher();

  it('hashes with argon2id and the OWASP parameters', async () => {
    const hashed = await hasher.hash('correct horse');
    const { memoryCost, timeCost, parallelism } = OWASP_ARGON2ID_PARAMS;
    expect(hashed).toMatch(new RegExp(`^\\$argon2id\\$v=19\\$m=${memoryCost},t=${timeCost},p=${parallelism}\\$`));
    expect(hashed).not.toContain('correct horse');
  });

  it('verifies the right password and rejects a wrong one', async () => {
    const hashed = await hasher.hash('correct horse');
    expect(await hasher.verify(hashed, 'correct horse')).toBe(true);
    expect(await hasher.verify(hashed, 'wrong horse')).toBe(false);
  });

  it('verifies a hash made at another cost, as after a restart with other PASSWORD_HASH_* settings', async () => {
    const before = new Argon2idPasswordHasher({ memoryCost: 1024, timeCost: 1, parallelism: 1 });
    const after = new Argon2idPasswordHasher({ memoryCost: 2048, timeCost: 3, parallelism: 2 });
    const madeBefore = await before.hash('correct horse');
    expect(await after.hash('correct horse')).toMatch(/^\$argon2id\$v=19\$m=2048,t=3,p=2\$/);
    expect(await after.verify(madeBefore, 'correct horse')).toBe(true);
    expect(await after.verify(madeBefore, 'wrong horse')).toBe(false);
    // And back: the production default verifies what the cheaper cost made, and the other way round.
    expect(await hasher.verify(madeBefore, 'correct horse')).toBe(true);
    expect(await before.verify(await hasher.hash('correct horse'), 'correct horse')).toBe(true);
  });

  it('salts, so one password hashes differently twice', async () => {
    const cheap = new Argon2idPasswordHasher({ memoryCost: 1024, timeCost: 1 });
    expect(await cheap.hash('same')).not.toBe(await cheap.hash('same'));
  });

  it('returns false for a malformed hash instead of throwing', async () => {
    expect(await hasher.verify('not-a-hash', 'x')).toBe(false);
  });

  it('does a real verify for an unknown user and returns false', async () => {
    const cheap = new Argon2idPasswordHasher({ memoryCost: 1024, timeCost: 1 });
    expect(await cheap.verifyAgainstNothing('anything')).toBe(false);
    expect(await cheap.verifyAgainstNothing('')).toBe(false);
  });
});
