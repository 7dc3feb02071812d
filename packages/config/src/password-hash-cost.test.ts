import { describe, expect, it } from 'vitest';
import { ConfigError } from './env.ts';
import { meetsOwaspMinimum, OWASP_ARGON2ID_PARAMS, readPasswordHashCost } from './password-hash-cost.ts';

describe('readPasswordHashCost', () => {
  it('defaults to the OWASP minimum in every NODE_ENV', () => {
    for (const nodeEnv of ['development', 'production', 'test']) {
      expect(readPasswordHashCost({}, nodeEnv)).toEqual({ memoryCost: 19456, timeCost: 2, parallelism: 1 });
    }
    expect(OWASP_ARGON2ID_PARAMS).toEqual({ memoryCost: 19456, timeCost: 2, parallelism: 1 });
  });

  it('reads a higher cost in production', () => {
    const env = { PASSWORD_HASH_MEMORY_KIB: '65536', PASSWORD_HASH_ITERATIONS: '3', PASSWORD_HASH_PARALLELISM: '4' };
    expect(readPasswordHashCost(env, 'production')).toEqual({ memoryCost: 65536, timeCost: 3, parallelism: 4 });
  });

  it.each([
    ['47104', '1'],
    ['12288', '3'],
    ['7168', '5'],
  ])('accepts the OWASP equivalent of %s KiB and %s passes in production', (memory, iterations) => {
    const env = { PASSWORD_HASH_MEMORY_KIB: memory, PASSWORD_HASH_ITERATIONS: iterations };
    expect(readPasswordHashCost(env, 'production')).toMatchObject({ memoryCost: Number(memory), timeCost: Number(iterations) });
  });

  it.each([
    [{ PASSWORD_HASH_MEMORY_KIB: '19455' }, 'production'],
    [{ PASSWORD_HASH_ITERATIONS: '1' }, 'production'],
    [{ PASSWORD_HASH_MEMORY_KIB: '1024', PASSWORD_HASH_ITERATIONS: '1' }, 'development'],
    [{ PASSWORD_HASH_MEMORY_KIB: '7168', PASSWORD_HASH_ITERATIONS: '4' }, 'production'],
  ])('refuses %o below the OWASP minimum in %s, saying that only NODE_ENV=test allows it', (env, nodeEnv) => {
    expect(() => readPasswordHashCost(env, nodeEnv)).toThrow(ConfigError);
    expect(() => readPasswordHashCost(env, nodeEnv)).toThrow(/below the OWASP minimum.*only with NODE_ENV=test/);
  });

  it('accepts a cost below the OWASP minimum with NODE_ENV=test', () => {
    const env = { PASSWORD_HASH_MEMORY_KIB: '1024', PASSWORD_HASH_ITERATIONS: '1', PASSWORD_HASH_PARALLELISM: '1' };
    expect(readPasswordHashCost(env, 'test')).toEqual({ memoryCost: 1024, timeCost: 1, parallelism: 1 });
  });

  it.each([
    ['PASSWORD_HASH_MEMORY_KIB', 'lots'],
    ['PASSWORD_HASH_MEMORY_KIB', '4'],
    ['PASSWORD_HASH_ITERATIONS', '0'],
    ['PASSWORD_HASH_ITERATIONS', '2.5'],
    ['PASSWORD_HASH_PARALLELISM', '0'],
    ['PASSWORD_HASH_PARALLELISM', '65'],
  ])('refuses %s=%s, naming the variable, even in test', (name, value) => {
    expect(() => readPasswordHashCost({ [name]: value }, 'test')).toThrow(ConfigError);
    expect(() => readPasswordHashCost({ [name]: value }, 'test')).toThrow(name);
  });

  it('refuses less than 8 KiB of memory per lane', () => {
    const env = { PASSWORD_HASH_MEMORY_KIB: '64', PASSWORD_HASH_PARALLELISM: '16' };
    expect(() => readPasswordHashCost(env, 'test')).toThrow('PASSWORD_HASH_MEMORY_KIB must be at least 8 KiB per lane');
  });
});

describe('meetsOwaspMinimum', () => {
  it('holds for the default and a higher cost, not for a cheaper one', () => {
    expect(meetsOwaspMinimum(OWASP_ARGON2ID_PARAMS)).toBe(true);
    expect(meetsOwaspMinimum({ memoryCost: 9216, timeCost: 4, parallelism: 1 })).toBe(true);
    expect(meetsOwaspMinimum({ memoryCost: 19456, timeCost: 1, parallelism: 1 })).toBe(false);
  });
});
