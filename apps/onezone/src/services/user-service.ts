import type { PasswordHasher } from '@repo/auth';
import { UsernameTakenError, type UserChanges, type UserRecord, type UserStore } from '../stores/user-store.ts';

/** A success, or the domain reason for a refusal; unexpected failures are thrown instead. */
export type Outcome<T, Reason extends string> = { ok: true; value: T } | { ok: false; reason: Reason };

/** A new user as the API accepts it, already validated against the spec. */
export interface NewUserInput {
  username?: string | undefined;
  fullName?: string | undefined;
  password?: string | undefined;
}

/** The caller's changes to their own account (`modify_current_user`), already validated. */
export interface UserModification {
  username?: string | undefined;
  fullName?: string | undefined;
}

/** An admin's change to a user's password login (`change_user_basic_auth_settings`). */
export interface BasicAuthSettings {
  basicAuthEnabled?: boolean | undefined;
  newPassword?: string | undefined;
}

/** The full name of a user created without one, as upstream. */
export const DEFAULT_FULL_NAME = 'Unnamed User';

/**
 * Onezone's user rules: defaults, hashing before storing, users created through the API hold no
 * privileges. Who may call what is decided from the spec's `x-privileges` before this runs.
 */
export class UserService {
  constructor(
    private readonly store: UserStore,
    private readonly hasher: PasswordHasher,
  ) {}

  /**
   * Creates a user without privileges. Without a password the user exists but cannot sign in. The
   * password is hashed here and never leaves as given.
   */
  async create(input: NewUserInput): Promise<Outcome<UserRecord, 'usernameTaken'>> {
    const passwordHash = input.password === undefined ? null : await this.hasher.hash(input.password);
    try {
      const user = await this.store.create({
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
    return this.store.list();
  }

  /** The user with this id, or undefined. */
  get(id: string): Promise<UserRecord | undefined> {
    return this.store.get(id);
  }

  /** Removes a user; `notFound` when no user has this id. */
  async remove(id: string): Promise<Outcome<undefined, 'notFound'>> {
    return (await this.store.remove(id)) ? { ok: true, value: undefined } : { ok: false, reason: 'notFound' };
  }

  /** Changes the user's username and/or full name in place. */
  async modify(id: string, changes: UserModification): Promise<Outcome<UserRecord, 'notFound' | 'usernameTaken'>> {
    const update: UserChanges = {};
    if (changes.username !== undefined) update.username = changes.username;
    if (changes.fullName !== undefined) update.fullName = changes.fullName;
    try {
      const user = await this.store.update(id, update);
      return user === undefined ? { ok: false, reason: 'notFound' } : { ok: true, value: user };
    } catch (error) {
      if (error instanceof UsernameTakenError) return { ok: false, reason: 'usernameTaken' };
      throw error;
    }
  }

  /**
   * Changes the user's password in place after checking the current one: `oldPassword` must be it,
   * or null when the user has none.
   */
  async changePassword(id: string, oldPassword: string | null, newPassword: string): Promise<Outcome<undefined, 'notFound' | 'wrongPassword'>> {
    const user = await this.store.getWithCredentials(id);
    if (user === undefined) return { ok: false, reason: 'notFound' };
    const matches =
      user.passwordHash === null ? oldPassword === null : oldPassword !== null && (await this.hasher.verify(user.passwordHash, oldPassword));
    if (!matches) return { ok: false, reason: 'wrongPassword' };
    const updated = await this.store.update(id, { passwordHash: await this.hasher.hash(newPassword) });
    return updated === undefined ? { ok: false, reason: 'notFound' } : { ok: true, value: undefined };
  }

  /** An admin enables or disables the user's password login and/or sets a new password. */
  async changeBasicAuth(id: string, settings: BasicAuthSettings): Promise<Outcome<undefined, 'notFound'>> {
    const update: UserChanges = {};
    if (settings.basicAuthEnabled !== undefined) update.basicAuthEnabled = settings.basicAuthEnabled;
    if (settings.newPassword !== undefined) update.passwordHash = await this.hasher.hash(settings.newPassword);
    return (await this.store.update(id, update)) === undefined ? { ok: false, reason: 'notFound' } : { ok: true, value: undefined };
  }

  /** Blocks or unblocks the user. */
  async setBlocked(id: string, blocked: boolean): Promise<Outcome<undefined, 'notFound'>> {
    return (await this.store.update(id, { blocked })) === undefined ? { ok: false, reason: 'notFound' } : { ok: true, value: undefined };
  }
}
