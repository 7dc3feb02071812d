import { createHmac, randomBytes } from 'node:crypto';
import type { PasswordHasher } from '@repo/server-kit';
import type { UserStore, UserWithCredentials } from '../stores/user-store.ts';
import { principalOf, type Principal } from './principal.ts';

export interface AuthenticatorOptions {
  /** How long a successful verification is remembered; 0 verifies every request with argon2id. */
  cacheTtlMs: number;
  /** Most credentials remembered at once; the oldest go first (default 10 000). */
  cacheMaxEntries?: number;
  now?: () => number;
}

/**
 * Checks HTTP basic credentials against the stored argon2id hashes.
 *
 * An unknown username, and a user without a password (who exists but cannot sign in), cost one
 * argon2id verification, like a wrong password, so response times do not tell which usernames
 * exist. A successful verification is remembered for a while, keyed by an HMAC (under a key that
 * lives only in this process) of the user id, the stored hash and the password: argon2id costs
 * ~20–40 ms of CPU, which would otherwise cap every authenticated endpoint at a few dozen requests
 * per second per core. Only successes are cached and the stored hash is part of the key, so a
 * removed user or a changed password is seen at once; privileges are read from the store on every
 * request.
 */
export class Authenticator {
  readonly #store: UserStore;
  readonly #hasher: PasswordHasher;
  readonly #ttlMs: number;
  readonly #maxEntries: number;
  readonly #now: () => number;
  readonly #hmacKey = randomBytes(32);
  /** Cache key → expiry (ms). Map order is insertion order: the first entry is the oldest. */
  readonly #verified = new Map<string, number>();
  /** Verifications under way, so a burst of requests with the same credentials verifies once. */
  readonly #pending = new Map<string, Promise<boolean>>();

  constructor(store: UserStore, hasher: PasswordHasher, options: AuthenticatorOptions) {
    this.#store = store;
    this.#hasher = hasher;
    this.#ttlMs = options.cacheTtlMs;
    this.#maxEntries = options.cacheMaxEntries ?? 10_000;
    this.#now = options.now ?? Date.now;
  }

  /** The principal for these credentials, or null when they do not sign anyone in. */
  async authenticate(username: string, password: string): Promise<Principal | null> {
    const user = await this.#store.findByUsername(username);
    if (user === undefined || user.passwordHash === null) {
      await this.#hasher.verifyAgainstNothing(password);
      return null;
    }
    if (!(await this.#verify(user as UserWithCredentials & { passwordHash: string }, password))) return null;
    const { passwordHash: _hash, ...record } = user;
    return principalOf(record);
  }

  async #verify(user: UserWithCredentials & { passwordHash: string }, password: string): Promise<boolean> {
    if (this.#ttlMs <= 0) return this.#hasher.verify(user.passwordHash, password);
    const key = createHmac('sha256', this.#hmacKey).update(`${user.id}\0${user.passwordHash}\0`).update(password).digest('base64');
    const expires = this.#verified.get(key);
    if (expires !== undefined) {
      if (expires > this.#now()) return true;
      this.#verified.delete(key);
    }
    let pending = this.#pending.get(key);
    if (pending === undefined) {
      pending = this.#hasher.verify(user.passwordHash, password).finally(() => this.#pending.delete(key));
      this.#pending.set(key, pending);
    }
    const ok = await pending;
    if (ok) this.#remember(key);
    return ok;
  }

  #remember(key: string): void {
    this.#verified.delete(key);
    this.#verified.set(key, this.#now() + this.#ttlMs);
    while (this.#verified.size > this.#maxEntries) {
      const oldest = this.#verified.keys().next().value;
      if (oldest === undefined) break;
      this.#verified.delete(oldest);
    }
  }
}
