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
  /** True when the user has a password, i.e. can sign in with HTTP basic. */
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
