import { hash, randomBytes } from 'node:crypto';
import { UNKNOWN_ADDRESS } from '@repo/http';
import type { PasswordHasher } from './password-hasher.ts';
import type { SignInThrottle } from './sign-in-throttle.ts';

/** What an app's user store knows about one username, as {@link CredentialAuthenticator} needs it. */
export interface StoredCredentials<P> {
  /** The user's stable id (Camunda's key, Onezone's id); part of the cache key, so a recreated user is seen at once. */
  readonly id: string | number;
  /** The stored hash; null for a user who exists but cannot sign in (costs a full verification, like an unknown one). */
  readonly passwordHash: string | null;
  /** What {@link CredentialAuthenticator.authenticate} returns for this user when the password is right. */
  readonly principal: P;
}

/** Looks a username up in the app's store; undefined when nobody has it. Called on every request. */
export type FindCredentials<P> = (username: string) => Promise<StoredCredentials<P> | undefined>;

export interface CredentialAuthenticatorOptions {
  /** How long a successful verification is remembered; 0 verifies every request with argon2id. */
  cacheTtlMs: number;
  /** Most credentials remembered at once; the oldest go first (default 10 000). */
  cacheMaxEntries?: number;
  /**
   * Counts failed sign-ins and refuses a throttled client before any verification (default: none).
   * Consulted on every call, cache or not: a throttled client must not learn that a guess was right.
   */
  throttle?: SignInThrottle | undefined;
  now?: () => number;
}

/**
 * Checks HTTP basic credentials against stored argon2id hashes, for any user record: the app says
 * how to find a username's hash and principal, this class does the rest.
 *
 * An unknown username, and a user without a password (who exists but cannot sign in), cost one
 * argon2id verification, like a wrong password, so response times do not tell which usernames
 * exist. A successful verification is remembered for a while (as Elasticsearch's realm cache
 * does), keyed by a keyed SHA3-256 digest (under a key that lives only in this process) of the user
 * id, the stored hash and the password: argon2id costs ~20–40 ms of CPU, which would otherwise cap every
 * authenticated endpoint at a few dozen requests per second per core. Only successes are cached
 * and the stored hash is part of the key, so a removed user or a changed password is seen at once;
 * the principal (permissions, privileges) is read from the store on every request. That makes the
 * cache safe with replicas: the user, hash and principal come from the shared database on every
 * request, and the cache only says "this password matched this hash".
 */
export class CredentialAuthenticator<P> {
  readonly #find: FindCredentials<P>;
  readonly #hasher: PasswordHasher;
  readonly #ttlMs: number;
  readonly #maxEntries: number;
  readonly #now: () => number;
  readonly #throttle: SignInThrottle | undefined;
  /**
   * The cache's key: a secret prefix makes SHA3-256 a MAC (SHA-3 has no length extension), in one
   * call where an HMAC object costs ~2.5× as much, a few percent of every authenticated read.
   */
  readonly #cacheKeySecret = randomBytes(32).toString('hex');
  /** Cache key → expiry (ms). Map order is insertion order: the first entry is the oldest. */
  readonly #verified = new Map<string, number>();
  /** Verifications under way, so a burst of requests with the same credentials verifies once. */
  readonly #pending = new Map<string, Promise<boolean>>();

  constructor(find: FindCredentials<P>, hasher: PasswordHasher, options: CredentialAuthenticatorOptions) {
    this.#find = find;
    this.#hasher = hasher;
    this.#ttlMs = options.cacheTtlMs;
    this.#maxEntries = options.cacheMaxEntries ?? 10_000;
    this.#now = options.now ?? Date.now;
    this.#throttle = options.throttle;
  }

  /**
   * The principal for these credentials, or null when they do not sign anyone in. `address` is the
   * client's, for the throttle; a throttled client gets `SignInThrottledError` whatever it sent.
   */
  async authenticate(username: string, password: string, address: string = UNKNOWN_ADDRESS): Promise<P | null> {
    const attempt = { username, address };
    // The throttle's read and the user's run side by side; a throttled client gets nothing checked.
    const [, user] = await Promise.all([this.#throttle?.check(attempt), this.#find(username)]);
    let principal: P | null = null;
    if (user === undefined || user.passwordHash === null) await this.#hasher.verifyAgainstNothing(password);
    else if (await this.#verify(user.id, user.passwordHash, password)) principal = user.principal;
    // Unknown user, user without password and wrong password count alike, as they cost alike.
    if (principal === null) await this.#throttle?.recordFailure(attempt);
    return principal;
  }

  async #verify(id: string | number, passwordHash: string, password: string): Promise<boolean> {
    if (this.#ttlMs <= 0) return this.#hasher.verify(passwordHash, password);
    const key = hash('sha3-256', `${this.#cacheKeySecret}\0${id}\0${passwordHash}\0${password}`, 'base64');
    const expires = this.#verified.get(key);
    if (expires !== undefined) {
      if (expires > this.#now()) return true;
      this.#verified.delete(key);
    }
    let pending = this.#pending.get(key);
    if (pending === undefined) {
      pending = this.#hasher.verify(passwordHash, password).finally(() => this.#pending.delete(key));
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
