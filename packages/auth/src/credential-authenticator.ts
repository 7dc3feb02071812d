import { hash, randomBytes } from 'node:crypto';
import { UNKNOWN_ADDRESS } from '@repo/http';
import type { PasswordHasher } from './password-hasher.ts';
import type { SignInAttempt, SignInThrottle } from './sign-in-throttle.ts';

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
  /**
   * The store's change counter (an embedded SQLite database's `changes.generation`, see
   * @repo/persistence): equal numbers mean nothing was written in between. With it, credentials
   * that signed someone in are answered with the same principal, without asking the store, for as
   * long as the number stays the same: the store would answer what it answered then. Without it
   * (PostgreSQL, whose other replicas write unseen), the store is asked on every call.
   */
  generation?: (() => number) | undefined;
  now?: () => number;
}

/** A remembered sign-in: whose credentials matched which stored hash, until when. */
interface SignedIn<P> {
  readonly id: string | number;
  readonly passwordHash: string;
  /** When the argon2id verification that made this entry stops counting (ms). */
  readonly expires: number;
  /** The principal the store gave, and the store's change counter when it was asked (before). */
  current?: { readonly principal: P; readonly generation: number } | undefined;
}

/**
 * Checks HTTP basic credentials against stored argon2id hashes, for any user record: the app says
 * how to find a username's hash and principal, this class does the rest.
 *
 * An unknown username, and a user without a password (who exists but cannot sign in), cost one
 * argon2id verification, like a wrong password, so response times do not tell which usernames
 * exist. A successful verification is remembered for a while (as Elasticsearch's realm cache
 * does), keyed by a keyed SHA3-256 digest (under a key that lives only in this process) of the
 * username and the password: argon2id costs ~20–40 ms of CPU, which would otherwise cap every
 * authenticated endpoint at a few dozen requests per second per core. Only successes are
 * remembered, with the user id and the stored hash they matched, and they count only while the
 * store still gives that user that hash, so a removed or recreated user or a changed password is
 * seen at once. The principal (permissions, privileges) is the store's as of the request: read on
 * every call, or, with a change counter (`generation`), reused while nothing was written since
 * it was read. That makes the cache safe with replicas: on PostgreSQL the user, hash and principal
 * come from the shared database on every request, and the cache only says "this password matched
 * this hash".
 */
export class CredentialAuthenticator<P> {
  readonly #find: FindCredentials<P>;
  readonly #hasher: PasswordHasher;
  readonly #ttlMs: number;
  readonly #maxEntries: number;
  readonly #now: () => number;
  readonly #throttle: SignInThrottle | undefined;
  readonly #generation: (() => number) | undefined;
  /**
   * The cache's key: a secret prefix makes SHA3-256 a MAC (SHA-3 has no length extension), in one
   * call where an HMAC object costs ~2.5× as much, a few percent of every authenticated read.
   */
  readonly #cacheKeySecret = randomBytes(32).toString('hex');
  /** Cache key → sign-in. Map order is insertion order: the first entry is the oldest. */
  readonly #signedIn = new Map<string, SignedIn<P>>();
  /** Verifications under way, so a burst of requests with the same credentials verifies once. */
  readonly #pending = new Map<string, Promise<boolean>>();

  constructor(find: FindCredentials<P>, hasher: PasswordHasher, options: CredentialAuthenticatorOptions) {
    this.#find = find;
    this.#hasher = hasher;
    this.#ttlMs = options.cacheTtlMs;
    this.#maxEntries = options.cacheMaxEntries ?? 10_000;
    this.#now = options.now ?? Date.now;
    this.#throttle = options.throttle;
    this.#generation = options.generation;
  }

  /**
   * The principal for these credentials, or null when they do not sign anyone in. `address` is the
   * client's, for the throttle; a throttled client gets `SignInThrottledError` whatever it sent.
   * Answered synchronously when the credentials signed someone in since the store last changed
   * and the throttle answers synchronously (in memory): a read request's most frequent case.
   */
  authenticate(username: string, password: string, address: string = UNKNOWN_ADDRESS): P | null | Promise<P | null> {
    const attempt = { username, address };
    if (this.#ttlMs <= 0) return this.#authenticate(attempt, password, undefined, undefined);
    // The username's length keeps the split between username and password unambiguous.
    const key = hash('sha3-256', `${this.#cacheKeySecret}\0${username.length}\0${username}\0${password}`, 'base64');
    const generation = this.#generation?.();
    const known = this.#signedIn.get(key);
    if (known?.current !== undefined && known.current.generation === generation && known.expires > this.#now()) {
      const { principal } = known.current;
      // The throttle still decides first: a throttled client must not learn that a guess was right.
      let checked: void | Promise<void>;
      try {
        checked = this.#throttle?.check(attempt);
      } catch (error) {
        return Promise.reject(error as Error);
      }
      return checked === undefined ? principal : checked.then(() => principal);
    }
    return this.#authenticate(attempt, password, key, generation);
  }

  async #authenticate(attempt: SignInAttempt, password: string, key: string | undefined, generation: number | undefined): Promise<P | null> {
    // The throttle's read and the user's run side by side; a throttled client gets nothing checked.
    const [, user] = await Promise.all([this.#throttle?.check(attempt), this.#find(attempt.username)]);
    let principal: P | null = null;
    if (user === undefined || user.passwordHash === null) await this.#hasher.verifyAgainstNothing(password);
    else if (await this.#verify(key, user.id, user.passwordHash, password, generation === undefined ? undefined : { principal: user.principal, generation })) {
      principal = user.principal;
    }
    // Unknown user, user without password and wrong password count alike, as they cost alike.
    if (principal === null) await this.#throttle?.recordFailure(attempt);
    return principal;
  }

  /**
   * Whether `password` matches `passwordHash`: remembered for this key and stored hash, else
   * argon2id. A match keeps `current` (what the store gave, as of when it was asked) with it.
   */
  async #verify(key: string | undefined, id: string | number, passwordHash: string, password: string, current: SignedIn<P>['current']): Promise<boolean> {
    if (key === undefined) return this.#hasher.verify(passwordHash, password);
    const known = this.#signedIn.get(key);
    if (known !== undefined) {
      if (known.id === id && known.passwordHash === passwordHash && known.expires > this.#now()) {
        known.current = current;
        return true;
      }
      this.#signedIn.delete(key);
    }
    // Keyed by the stored hash too: a verification against an old hash says nothing of a new one.
    const pendingKey = `${key}\0${id}\0${passwordHash}`;
    let pending = this.#pending.get(pendingKey);
    if (pending === undefined) {
      pending = this.#hasher.verify(passwordHash, password).finally(() => this.#pending.delete(pendingKey));
      this.#pending.set(pendingKey, pending);
    }
    const ok = await pending;
    if (ok) this.#remember(key, { id, passwordHash, expires: this.#now() + this.#ttlMs, current });
    return ok;
  }

  #remember(key: string, signedIn: SignedIn<P>): void {
    this.#signedIn.delete(key);
    this.#signedIn.set(key, signedIn);
    while (this.#signedIn.size > this.#maxEntries) {
      const oldest = this.#signedIn.keys().next().value;
      if (oldest === undefined) break;
      this.#signedIn.delete(oldest);
    }
  }
}
