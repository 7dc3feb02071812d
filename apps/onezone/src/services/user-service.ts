import type { PasswordHasher } from '@repo/server-kit';
import { UsernameTakenError, type UserRecord, type UserStore } from '../stores/user-store.ts';

/** A success, or the domain reason for a refusal; unexpected failures are thrown instead. */
export type Outcome<T, Reason extends string> = { ok: true; value: T } | { ok: false; reason: Reason };

/** A new user as the API accepts it, already validated against the spec. */
export interface NewUserInput {
  username?: string | undefined;
  fullName?: string | undefined;
  password?: string | undefined;
}

/** The full name of a user created without one, as upstream. */
export const DEFAULT_FULL_NAME = 'Unnamed User';

/**
 * Onezone's user rules: defaults, hashing before storing, users created through the API hold no
 * privileges. Who may call what is decided from the spec's `x-privileges` before this runs.
 */
export class UserService {
  readonly #store: UserStore;
  readonly #hasher: PasswordHasher;

  constructor(store: UserStore, hasher: PasswordHasher) {
    this.#store = store;
    this.#hasher = hasher;
  }

  /**
   * Creates a user without privileges. Without a password the user exists but cannot sign in. The
   * password is hashed here and never leaves as given.
   */
  async create(input: NewUserInput): Promise<Outcome<UserRecord, 'usernameTaken'>> {
    const passwordHash = input.password === undefined ? null : await this.#hasher.hash(input.password);
    try {
      const user = await this.#store.create({
        username: input.username ?? null,
        fullName: input.fullName ?? DEFAULT_FULL_NAME,
        passwordHash,
        privileges: [],
      });
      return { ok: true, value: user };
    } catch (error) {
      if (error instanceof UsernameTakenError) return { ok: false, reason: 'usernameTaken' };
      throw error;
    }
  }

  /** Every user id, oldest first. */
  list(): Promise<string[]> {
    return this.#store.list();
  }

  /** The user with this id, or undefined. */
  get(id: string): Promise<UserRecord | undefined> {
    return this.#store.get(id);
  }

  /** Removes a user; `notFound` when no user has this id. */
  async remove(id: string): Promise<Outcome<undefined, 'notFound'>> {
    return (await this.#store.remove(id)) ? { ok: true, value: undefined } : { ok: false, reason: 'notFound' };
  }
}
