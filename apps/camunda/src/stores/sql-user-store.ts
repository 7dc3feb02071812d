import { sql, type CompiledQuery, type Generated, type Kysely, type Selectable, type SelectQueryBuilder } from 'kysely';
import { isUniqueViolation, SqlStore, withParameters, type OpenDatabaseOptions, type OpenedDatabase, type SqlStoreSchema } from '@repo/persistence';
import { userStoreMigrations } from './migrations.ts';
import {
  UsernameTakenError,
  type NewUser,
  type UserChanges,
  type UserRecord,
  type UserSearchQuery,
  type UserSearchResult,
  type UserSortField,
  type UserStore,
  type UserSummary,
} from './user-store.ts';

const SCHEMA: SqlStoreSchema = { pgSchema: 'camunda', migrations: userStoreMigrations };

/** The tables as Kysely sees them (see migrations.ts). */
export interface UserStoreTables {
  users: {
    key: Generated<number>;
    username: string;
    name: string;
    email: string;
    password_hash: string;
    /** ISO 8601, UTC. */
    created_at: string;
  };
  user_permissions: { user_key: number; permission: string };
}

// A closed mapping, so a sort field can never inject a column name.
const SORT_COLUMNS = { username: 'username', name: 'name', email: 'email' } as const satisfies Record<UserSortField, string>;

type UsersQuery = SelectQueryBuilder<UserStoreTables, 'users', object>;

const FILTER_FIELDS = ['username', 'name', 'email'] as const;
/** Search statements kept compiled, one per filter and sort shape; a few in practice. */
const SEARCH_SHAPES_CACHED = 64;

/** A row of the search statement: a user and the total of matches. */
type SearchRow = UserSummary & { total: number | string };

/** A user joined with one of its permissions (null for a user without any). */
type UserPermissionRow = Selectable<UserStoreTables['users']> & { permission: string | null };

/** The methods that only read: remembered on SQLite until the data changes. */
const READS = ['search', 'findByUsername', 'count', 'hasUserWithPermission'] as const satisfies readonly (keyof UserStore)[];

/** {@link UserStore} on SQL through Kysely: embedded SQLite by default, PostgreSQL when configured. */
export class SqlUserStore extends SqlStore<UserStoreTables> implements UserStore {
  /**
   * Opens the database, runs pending migrations and returns the store, which owns the database.
   * On PostgreSQL the tables live in schema `camunda` unless `pgSchema` says otherwise, so both
   * servers can share one database. On SQLite its reads are remembered until the data changes
   * (see SqlStore.openStore).
   */
  static open(options: OpenDatabaseOptions, clock: () => Date = () => new Date()): Promise<SqlUserStore> {
    return SqlStore.openStore<UserStoreTables, SqlUserStore>(options, SCHEMA, (database) => new SqlUserStore(database, clock), READS);
  }

  readonly #now: () => Date;
  readonly #findByUsernameQuery: CompiledQuery<UserPermissionRow>;
  readonly #searchQueries = new Map<string, CompiledQuery<SearchRow>>();

  constructor(database: OpenedDatabase<UserStoreTables>, clock: () => Date = () => new Date()) {
    super(database, SCHEMA);
    this.#now = clock;
    // The user joined with its permissions, one row per permission (one row with a null permission
    // for a user without any). Compiled once: it runs on every authenticated request.
    this.#findByUsernameQuery = this.db
      .selectFrom('users')
      .leftJoin('user_permissions', 'user_permissions.user_key', 'users.key')
      .select(['users.key', 'users.username', 'users.name', 'users.email', 'users.password_hash', 'users.created_at', 'user_permissions.permission'])
      .where('users.username', '=', '')
      .orderBy('user_permissions.permission')
      .compile();
  }

  async create(user: NewUser): Promise<{ key: number }> {
    try {
      return await this.db.transaction().execute(async (trx) => {
        const { key } = await trx
          .insertInto('users')
          .values({
            username: user.username,
            name: user.name,
            email: user.email,
            password_hash: user.passwordHash,
            created_at: this.#now().toISOString(),
          })
          .returning('key')
          .executeTakeFirstOrThrow();
        const permissions = [...new Set(user.permissions)];
        if (permissions.length > 0) {
          await trx.insertInto('user_permissions').values(permissions.map((permission) => ({ user_key: key, permission }))).execute();
        }
        return { key };
      });
    } catch (error) {
      if (isUniqueViolation(error)) throw new UsernameTakenError(user.username);
      throw error;
    }
  }

  async search(query: UserSearchQuery): Promise<UserSearchResult> {
    const filter = query.filter ?? {};
    const values = FILTER_FIELDS.flatMap((field) => (filter[field] === undefined ? [] : [filter[field]]));
    const page = this.#searchQuery(filter, query.sort ?? []);
    // The filter values bind twice (the total's subquery, then the page), then limit and offset.
    const { rows } = await this.db.executeQuery(withParameters(page, [...values, ...values, query.limit, query.from]));
    const items: UserSummary[] = rows.map(({ key, username, name, email }) => ({ key, username, name, email }));
    if (rows.length > 0) return { items, totalItems: Number(rows[0]!.total) };
    // An empty page says nothing about the total unless it starts at the first match.
    if (query.from === 0 && query.limit > 0) return { items, totalItems: 0 };
    const { total } = await this.#filtered(query.filter).select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow();
    return { items, totalItems: Number(total) };
  }

  /**
   * The search statement for a filter and sort shape (which fields filter, the sort order; not the
   * values): one statement, the page, each row carrying the total as an uncorrelated scalar
   * subquery (evaluated once by SQLite and PostgreSQL alike). Compiled once per shape, with
   * placeholder values whose positions are checked, so {@link search} can bind its own.
   */
  #searchQuery(filter: NonNullable<UserSearchQuery['filter']>, sort: NonNullable<UserSearchQuery['sort']>): CompiledQuery<SearchRow> {
    const present = FILTER_FIELDS.filter((field) => filter[field] !== undefined);
    const shape = `${present.join(',')}|${sort.map(({ field, order }) => `${field}:${order === 'desc' ? 'desc' : 'asc'}`).join(',')}`;
    const cached = this.#searchQueries.get(shape);
    if (cached) return cached;
    const placeholders = Object.fromEntries(present.map((field, i) => [field, `\u0000placeholder${i}`]));
    const [limit, from] = [1_000_000_001, 1_000_000_002];
    let page = this.#filtered(placeholders).select((eb) => [
      'key',
      'username',
      'name',
      'email',
      this.#filtered(placeholders)
        .select(eb.fn.countAll<number>().as('total'))
        .as('total'),
    ]);
    for (const { field, order } of sort) page = page.orderBy(SORT_COLUMNS[field], order === 'desc' ? 'desc' : 'asc');
    const compiled = page.orderBy('key', 'asc').limit(limit).offset(from).compile() as CompiledQuery<SearchRow>;
    const values = present.map((field) => placeholders[field]);
    const expected = [...values, ...values, limit, from];
    if (compiled.parameters.length !== expected.length || compiled.parameters.some((p, i) => p !== expected[i])) {
      throw new Error(`search statement binds ${JSON.stringify(compiled.parameters)}, expected ${JSON.stringify(expected)}`);
    }
    if (this.#searchQueries.size < SEARCH_SHAPES_CACHED) this.#searchQueries.set(shape, compiled);
    return compiled;
  }

  #filtered(filter: UserSearchQuery['filter'] = {}): UsersQuery {
    let query: UsersQuery = this.db.selectFrom('users');
    if (filter.username !== undefined) query = query.where('username', '=', filter.username);
    if (filter.name !== undefined) query = query.where('name', '=', filter.name);
    if (filter.email !== undefined) query = query.where('email', '=', filter.email);
    return query;
  }

  async update(key: number, changes: UserChanges): Promise<boolean> {
    if (!Number.isSafeInteger(key)) return false;
    const values = {
      ...(changes.name === undefined ? {} : { name: changes.name }),
      ...(changes.email === undefined ? {} : { email: changes.email }),
      ...(changes.passwordHash === undefined ? {} : { password_hash: changes.passwordHash }),
    };
    // Nothing to change still answers whether the user exists.
    if (Object.keys(values).length === 0) {
      return (await this.db.selectFrom('users').select('key').where('key', '=', key).executeTakeFirst()) !== undefined;
    }
    const result = await this.db.updateTable('users').set(values).where('key', '=', key).executeTakeFirst();
    return result.numUpdatedRows > 0n;
  }

  async grantPermission(key: number, permission: string): Promise<boolean> {
    if (!Number.isSafeInteger(key)) return false;
    return await this.db.transaction().execute(async (trx) => {
      const user = await trx.selectFrom('users').select('key').where('key', '=', key).executeTakeFirst();
      if (user === undefined) return false;
      await trx
        .insertInto('user_permissions')
        .values({ user_key: key, permission })
        .onConflict((oc) => oc.columns(['user_key', 'permission']).doNothing())
        .execute();
      return true;
    });
  }

  async deleteByKey(key: number): Promise<boolean> {
    if (!Number.isSafeInteger(key)) return false;
    // user_permissions rows go with the user (on delete cascade).
    const result = await this.db.deleteFrom('users').where('key', '=', key).executeTakeFirst();
    return result.numDeletedRows > 0n;
  }

  async findByUsername(username: string): Promise<UserRecord | undefined> {
    // No user can have such a name (the API refuses it), and PostgreSQL would fail the statement
    // on it while SQLite truncates at it: not found, on every store. Defence in depth.
    if (username.includes('\0')) return undefined;
    const { rows } = await this.db.executeQuery(withParameters(this.#findByUsernameQuery, [username]));
    const row = rows[0];
    if (!row) return undefined;
    const permissions: string[] = [];
    for (const { permission } of rows) if (permission !== null) permissions.push(permission);
    return {
      key: row.key,
      username: row.username,
      name: row.name,
      email: row.email,
      passwordHash: row.password_hash,
      permissions,
      createdAt: new Date(row.created_at),
    };
  }

  async count(): Promise<number> {
    const { total } = await this.db.selectFrom('users').select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow();
    return Number(total);
  }

  async hasUserWithPermission(permission: string): Promise<boolean> {
    const row = await this.db.selectFrom('user_permissions').select('user_key').where('permission', '=', permission).limit(1).executeTakeFirst();
    return row !== undefined;
  }

}

