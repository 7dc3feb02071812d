import { ConfigError, readInt, type Env } from './env.ts';

/** argon2id cost parameters, named as `@node-rs/argon2` names them. */
export interface Argon2idParams {
  /** Memory in KiB. */
  memoryCost: number;
  /** Passes over memory. */
  timeCost: number;
  /** Lanes. */
  parallelism: number;
}

/** The OWASP Password Storage Cheat Sheet minimum for argon2id: m=19 MiB, t=2, p=1; the servers' default. */
export const OWASP_ARGON2ID_PARAMS: Readonly<Argon2idParams> = Object.freeze({
  memoryCost: 19456,
  timeCost: 2,
  parallelism: 1,
});

/**
 * The cheat sheet's argon2id configurations, all of equal strength (less memory is paid for with
 * more passes). A cost at or above any one of them is at least the OWASP minimum.
 */
const OWASP_ARGON2ID_EQUIVALENTS: readonly (readonly [memoryKib: number, iterations: number])[] = [
  [47104, 1],
  [19456, 2],
  [12288, 3],
  [9216, 4],
  [7168, 5],
];

/** True when `cost` is at or above one of the OWASP cheat sheet's argon2id configurations. */
export function meetsOwaspMinimum(cost: Argon2idParams): boolean {
  return OWASP_ARGON2ID_EQUIVALENTS.some(([memoryKib, iterations]) => cost.memoryCost >= memoryKib && cost.timeCost >= iterations);
}

/**
 * `PASSWORD_HASH_MEMORY_KIB`, `PASSWORD_HASH_ITERATIONS`, `PASSWORD_HASH_PARALLELISM`: the argon2id
 * cost of new password hashes, default {@link OWASP_ARGON2ID_PARAMS}. A cost below the OWASP
 * minimum is refused unless `nodeEnv` is `test`, so an operator can raise it but not weaken it by
 * accident. Stored hashes carry their own parameters and verify whatever this is.
 */
export function readPasswordHashCost(env: Env, nodeEnv: string): Argon2idParams {
  const cost: Argon2idParams = {
    memoryCost: readInt(env, 'PASSWORD_HASH_MEMORY_KIB', OWASP_ARGON2ID_PARAMS.memoryCost, { min: 8, max: 4 * 1024 * 1024 }),
    timeCost: readInt(env, 'PASSWORD_HASH_ITERATIONS', OWASP_ARGON2ID_PARAMS.timeCost, { min: 1, max: 100 }),
    parallelism: readInt(env, 'PASSWORD_HASH_PARALLELISM', OWASP_ARGON2ID_PARAMS.parallelism, { min: 1, max: 64 }),
  };
  // argon2 gives each lane at least 8 KiB.
  if (cost.memoryCost < 8 * cost.parallelism) {
    throw new ConfigError(
      `PASSWORD_HASH_MEMORY_KIB must be at least 8 KiB per lane (8 × PASSWORD_HASH_PARALLELISM = ${8 * cost.parallelism}), got ${cost.memoryCost}`,
    );
  }
  if (!meetsOwaspMinimum(cost) && nodeEnv !== 'test') {
    throw new ConfigError(
      `PASSWORD_HASH_MEMORY_KIB=${cost.memoryCost} with PASSWORD_HASH_ITERATIONS=${cost.timeCost} is below the OWASP minimum for ` +
        `argon2id (${OWASP_ARGON2ID_EQUIVALENTS.map(([m, t]) => `${m} KiB × ${t}`).join(', or ')}); a lower cost is accepted only with NODE_ENV=test`,
    );
  }
  return cost;
}
