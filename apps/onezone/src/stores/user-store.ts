/** The storage port for Onezone users. Implementation: `SqlUserStore` (SQLite, PostgreSQL). */

/** A user to store. The password arrives hashed; stores never see it in clear. */
export interface NewUser {
  /** Unique when present; null for a user without a username. */
  username: string | null;
  fullName: string;
  /** Null: the user exists but cannot sign in with a password. */
  passwordHash: string | null;
  /** E.g. `oz_users_create` for the admin; none for users created through the API. */
  privileges: readonly string[];
  /** Default: true when the user has a password. */
  basicAuthEnabled?: boolean;
}

/** What {@link UserStore.update} may change; absent fields stay as they are. */
export interface UserChanges {
  username?: string;
  fullName?: string;
  /** Null removes the password. */
  passwordHash?: string | null;
  basicAuthEnabled?: boolean;
  blocked?: boolean;
  /** Replaces the user's privileges. */
  privileges?: readonly string[];
}

/**
 * A client token as stored: never the token itself. `tokenHash` finds it when it is presented;
 * `sealed` is the token encrypted under a key kept outside the database, so it can be listed.
 */
export interface StoredClientToken {
  tokenHash: string;
  sealed: string;
}

/** A stored user as the API shows it (`UserProtectedInfo`), plus its privileges. */
export interface UserRecord {
  /** Server-generated, opaque: 32 lowercase hex characters. */
  id: string;
  username: string | null;
  fullName: string;
  emails: string[];
  blocked: boolean;
  /** Seconds since the UNIX epoch. */
  creationTime: number;
  /** Whether the user may sign in with HTTP basic (which also needs a password). */
  basicAuthEnabled: boolean;
  /** Sorted. */
  privileges: string[];
}

/** A user with the password hash, for authentication only. */
export interface UserWithCredentials extends UserRecord {
  passwordHash: string | null;
}

export interface UserStore {
  /** Stores a user and returns it. Throws {@link UsernameTakenError}, also under a race. */
  create(user: NewUser): Promise<UserRecord>;
  /** Every user id, oldest first. */
  list(): Promise<string[]>;
  get(id: string): Promise<UserRecord | undefined>;
  /** True when a user was removed, false when the id is unknown. */
  remove(id: string): Promise<boolean>;
  /** For authentication: the user with its hash, or undefined. */
  findByUsername(username: string): Promise<UserWithCredentials | undefined>;
  /** For a password change: the user with its hash, or undefined. */
  getWithCredentials(id: string): Promise<UserWithCredentials | undefined>;
  /**
   * Changes a user in place (its id stays); returns the changed user, or undefined when the id is
   * unknown. Throws {@link UsernameTakenError} when the new username is another user's.
   */
  update(id: string, changes: UserChanges): Promise<UserRecord | undefined>;
  /** Stores a client token of the user; false when the id is unknown. */
  addClientToken(userId: string, token: StoredClientToken): Promise<boolean>;
  /** The user's client tokens, oldest first. */
  listClientTokens(userId: string): Promise<StoredClientToken[]>;
  /** Removes the user's token with this hash; false when the user has none such. */
  removeClientToken(userId: string, tokenHash: string): Promise<boolean>;
  /** For authentication: the owner of the token with this hash, or undefined. */
  findByTokenHash(tokenHash: string): Promise<UserRecord | undefined>;
  count(): Promise<number>;
  /** For bootstrap: whether any user holds `privilege`. */
  hasUserWithPrivilege(privilege: string): Promise<boolean>;
  /** A cheap round trip to the database; rejects when it is unreachable. */
  ping(): Promise<void>;
  close(): Promise<void>;
}

/** A user with this username exists already. */
export class UsernameTakenError extends Error {
  override name = 'UsernameTakenError';
  constructor(readonly username: string) {
    super('Bad value: provided identifier ("username") is already occupied.');
  }
}
