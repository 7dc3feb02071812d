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
