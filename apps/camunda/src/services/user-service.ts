import type { PasswordHasher } from '@repo/auth';
import {
  UsernameTakenError,
  type UserSearchQuery,
  type UserSearchResult,
  type UserSortField,
  type UserStore,
} from '../stores/user-store.ts';

/** A success, or the domain reason for a refusal; unexpected failures are thrown instead. */
export type Outcome<T, Reason extends string> = { ok: true; value: T } | { ok: false; reason: Reason };

export interface NewUserInput {
  username: string;
  password: string;
  name?: string | undefined;
  email?: string | undefined;
}

export interface SearchUsersInput {
  filter?: { username?: string | undefined; name?: string | undefined; email?: string | undefined } | undefined;
  page?: { from?: number | undefined; limit?: number | undefined } | undefined;
  /** Either spelling of the order: lower case as first documented, upper case as Camunda's SDK sends it. */
  sort?: readonly { field: UserSortField; order?: 'asc' | 'desc' | 'ASC' | 'DESC' | undefined }[] | undefined;
}

export interface UpdateUserInput {
  /** Blank or absent: the password stays as it is. */
  password?: string | undefined;
  name?: string | undefined;
  email?: string | undefined;
}

/** Page size when a search names none, and the largest one allowed (the spec's `page.limit`). */
export const DEFAULT_PAGE_LIMIT = 100;
export const MAX_PAGE_LIMIT = 1000;

/**
 * Camunda's user rules: hashing before storing, search defaults. No HTTP here; who may call what is
 * decided from the spec's `x-permissions` before this runs (authorization.ts).
 */
export class UserService {
  constructor(
    private readonly store: UserStore,
    private readonly hasher: PasswordHasher,
  ) {}

  /** Creates a user without permissions. The password is hashed here and never leaves as given. */
  async create(input: NewUserInput): Promise<Outcome<{ key: number }, 'usernameTaken'>> {
    const passwordHash = await this.hasher.hash(input.password);
    try {
      const value = await this.store.create({
        username: input.username,
        name: input.name ?? '',
        email: input.email ?? '',
        passwordHash,
        permissions: [],
      });
      return { ok: true, value };
    } catch (error) {
      if (error instanceof UsernameTakenError) return { ok: false, reason: 'usernameTaken' };
      throw error;
    }
  }

  /** One page of the users matching the filter, in the requested order, then by key. */
  async search(input: SearchUsersInput = {}): Promise<UserSearchResult> {
    const query: UserSearchQuery = {
      filter: input.filter ?? {},
      from: input.page?.from ?? 0,
      limit: Math.min(input.page?.limit ?? DEFAULT_PAGE_LIMIT, MAX_PAGE_LIMIT),
      sort: (input.sort ?? []).map(({ field, order }) => ({ field, order: order === 'desc' || order === 'DESC' ? 'desc' : 'asc' })),
    };
    return this.store.search(query);
  }

  /** Changes a user in place; `notFound` when no user has the key. A new password is hashed here. */
  async update(key: number, input: UpdateUserInput): Promise<Outcome<undefined, 'notFound'>> {
    const passwordHash = input.password === undefined || input.password === '' ? undefined : await this.hasher.hash(input.password);
    const updated = await this.store.update(key, { name: input.name, email: input.email, passwordHash });
    return updated ? { ok: true, value: undefined } : { ok: false, reason: 'notFound' };
  }

  /** Deletes a user by key; `notFound` when no user has it. */
  async delete(key: number): Promise<Outcome<undefined, 'notFound'>> {
    return (await this.store.deleteByKey(key)) ? { ok: true, value: undefined } : { ok: false, reason: 'notFound' };
  }
}
