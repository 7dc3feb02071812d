import { hash, verify, type Algorithm, type Options } from '@node-rs/argon2';
import { OWASP_ARGON2ID_PARAMS, type Argon2idParams } from '@repo/config';

/** Hashes and checks passwords. Implementations never log or keep the clear password. */
export interface PasswordHasher {
  /** Returns a self-describing hash (PHC string) of `password`, salted. */
  hash(password: string): Promise<string>;
  /** True when `password` matches `passwordHash`; false on mismatch or a malformed hash. */
  verify(passwordHash: string, password: string): Promise<boolean>;
  /**
   * Does the same work as {@link PasswordHasher.verify} against a hash nobody can match and
   * resolves to `false`. Call it for an unknown user so that it costs as much as a wrong password.
   */
  verifyAgainstNothing(password: string): Promise<false>;
}

// The cost and its OWASP minimum are @repo/config's, which validates the configured cost against it
// (this package depends on config, not the other way).
export { OWASP_ARGON2ID_PARAMS, type Argon2idParams } from '@repo/config';

// `Algorithm` is an ambient const enum, which isolatedModules cannot read; 2 is Argon2id.
const ARGON2ID = 2 as Algorithm;

/** {@link PasswordHasher} on argon2id (`@node-rs/argon2`, native, off the event loop). */
export class Argon2idPasswordHasher implements PasswordHasher {
  readonly #options: Options;
  #decoy: Promise<string> | undefined;

  /**
   * @param params the cost of new hashes, OWASP's minimum by default (servers pass the configured
   * `passwordHash`). Verifying reads the cost from the stored hash, so a hash made at any cost verifies.
   */
  constructor(params: Partial<Argon2idParams> = {}) {
    this.#options = { ...OWASP_ARGON2ID_PARAMS, ...params, algorithm: ARGON2ID };
  }

  hash(password: string): Promise<string> {
    return hash(password, this.#options);
  }

  async verify(passwordHash: string, password: string): Promise<boolean> {
    try {
      return await verify(passwordHash, password);
    } catch {
      // A malformed stored hash is a failed check, never a crash that reveals which users exist.
      return false;
    }
  }

  async verifyAgainstNothing(password: string): Promise<false> {
    // A hash of random bytes made once with the same parameters: verifying against it costs what a
    // real verify costs, and no password can match it.
    this.#decoy ??= hash(crypto.getRandomValues(new Uint8Array(32)), this.#options);
    await this.verify(await this.#decoy, password);
    return false;
  }
}
