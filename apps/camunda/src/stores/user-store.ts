/** The storage port for Camunda users. Implementations: `KyselyUserStore` (SQLite, PostgreSQL). */

/** The first key a store hands out: keys look like Camunda's (2251799813685249 = 2^51 + 1). */
export const FIRST_USER_KEY = 2251799813685249;

/** A user to store. The password arrives hashed; stores never see it in clear. */
export interface NewUser {
  username: string;
  /** Empty when not given. */
  name: string;
  /** Empty when not given. */
  email: string;
  passwordHash: string;
  /** E.g. `user-management` for the admin; none for users created through the API. */
  permissions: readonly string[];
}

/** What `searchUsers` returns per user: never the password hash. */
export interface UserSummary {
  /** Server-generated, unique, increasing, never reused, below 2^53. */
  key: number;
  username: string;
  name: string;
  email: string;
}

/** A stored user with what authentication and authorization need. */
export interface UserRecord extends UserSummary {
  passwordHash: string;
  permissions: string[];
  createdAt: Date;
}

/** New values for a stored user; an absent field stays as it is. */
export interface UserChanges {
  name?: string | undefined;
  email?: string | undefined;
  /** Hashed by the caller, as on create. */
  passwordHash?: string | undefined;
}

export type UserSortField = 'username' | 'name' | 'email';

export interface UserSearchQuery {
  /** Exact matches, combined with AND; an absent field does not filter. */
  filter?: { username?: string | undefined; name?: string | undefined; email?: string | undefined };
  /** Items to skip (>= 0). */
  from: number;
  /** Items to return at most (>= 0); the HTTP layer enforces the documented maximum. */
  limit: number;
  /** Applied in order, then by key ascending, so pages never overlap or skip. Values compare bytewise. */
  sort?: readonly { field: UserSortField; order: 'asc' | 'desc' }[];
}

export interface UserSearchResult {
  items: UserSummary[];
  /** All users matching the filter, regardless of paging. */
  totalItems: number;
}

export interface UserStore {
  /** Stores a user and returns its new key. Throws {@link UsernameTakenError}, also under a race. */
  create(user: NewUser): Promise<{ key: number }>;
  search(query: UserSearchQuery): Promise<UserSearchResult>;
  /** Changes a user in place (key, username and permissions stay); false when the key is unknown. */
  update(key: number, changes: UserChanges): Promise<boolean>;
  /** Gives the user a permission it may already hold; false when the key is unknown. */
  grantPermission(key: number, permission: string): Promise<boolean>;
  /** True when a user was deleted, false when the key is unknown. */
  deleteByKey(key: number): Promise<boolean>;
  /** For authentication: the user with hash and permissions, or undefined. */
  findByUsername(username: string): Promise<UserRecord | undefined>;
  count(): Promise<number>;
  /** For bootstrap: whether any user holds `permission`. */
  hasUserWithPermission(permission: string): Promise<boolean>;
  /** A cheap round trip to the database; rejects when it is unreachable. */
  ping(): Promise<void>;
  close(): Promise<void>;
}

/** A user with this username exists already. */
export class UsernameTakenError extends Error {
  override name = 'UsernameTakenError';
  constructor(readonly username: string) {
    super('A user with this username already exists.');
  }
}
