import { randomBytes } from 'node:crypto';
import { sql, type CompiledQuery, type RawBuilder, type Generated, type Kysely, type Selectable } from 'kysely';
import { isUniqueViolation, SqlStore, withParameters, type OpenDatabaseOptions, type OpenedDatabase, type SqlStoreSchema } from '@repo/persistence';
import { userStoreMigrations } from './migrations.ts';
import {
  UsernameTakenError,
  type NewUser,
  type StoredClientToken,
  type UserChanges,
  type UserRecord,
  type UserStore,
  type UserWithCredentials,
} from './user-store.ts';

const SCHEMA: SqlStoreSchema = { pgSchema: 'onezone', migrations: userStoreMigrations };

/** The tables as Kysely sees them (see migrations.ts). */
export interface UserStoreTables {
  users: {
    seq: Generated<number>;
    id: string;
    username: string | null;
    full_name: string;
    password_hash: string | null;
    /** JSON array of strings. */
    emails: Generated<string>;
    /** SQLite reads 0/1, PostgreSQL true/false. */
    blocked: Generated<boolean | number>;
    creation_time: number;
    /** SQLite reads 0/1, PostgreSQL true/false. */
    basic_auth_enabled: boolean | number;
  };
  user_privileges: { user_id: string; privilege: string };
  client_tokens: { seq: Generated<number>; user_id: string; token_hash: string; sealed: string };
}

type UserRow = Selectable<UserStoreTables['users']>;
/**
 * A user row with its privileges, sorted: a JSON array (text) on SQLite, an array on PostgreSQL.
 */
type UserPrivilegeRow = UserRow & { privileges: string | string[] };

/** The methods that only read: remembered on SQLite until the data changes. */
const READS = ['get', 'findByUsername', 'getWithCredentials', 'list', 'listClientTokens', 'findByTokenHash', 'count', 'hasUserWithPrivilege'] as const satisfies readonly (keyof UserStore)[];

/** {@link UserStore} on SQL through Kysely: embedded SQLite by default, PostgreSQL when configured. */
export class SqlUserStore extends SqlStore<UserStoreTables> implements UserStore {
  /**
   * Opens the database, runs pending migrations and returns the store, which owns the database.
   * On PostgreSQL the tables live in schema `onezone` unless `pgSchema` says otherwise, so both
   * servers can share one database. On SQLite its reads are remembered until the data changes
   * (see SqlStore.openStore).
   */
  static open(options: OpenDatabaseOptions, clock: () => Date = () => new Date()): Promise<SqlUserStore> {
    return SqlStore.openStore<UserStoreTables, SqlUserStore>(options, SCHEMA, (database) => new SqlUserStore(database, clock), READS);
  }

  readonly #now: () => Date;

  constructor(database: OpenedDatabase<UserStoreTables>, clock: () => Date = () => new Date()) {
    super(database, SCHEMA);
    this.#now = clock;
    // Compiled once: they run on every authenticated request.
    this.#byId = this.#withPrivilegesQuery('id');
    this.#byUsername = this.#withPrivilegesQuery('username');
  }

  readonly #byId: CompiledQuery<UserPrivilegeRow>;
  readonly #byUsername: CompiledQuery<UserPrivilegeRow>;

  async create(user: NewUser): Promise<UserRecord> {
    const id = randomBytes(16).toString('hex');
    const privileges = [...new Set(user.privileges)].sort();
    const row = {
      id,
      username: user.username,
      full_name: user.fullName,
      password_hash: user.passwordHash,
      creation_time: Math.floor(this.#now().getTime() / 1000),
      basic_auth_enabled: user.basicAuthEnabled ?? user.passwordHash !== null,
    };
    try {
      await this.db.transaction().execute(async (trx) => {
        await trx.insertInto('users').values(row).execute();
        if (privileges.length > 0) {
          await trx.insertInto('user_privileges').values(privileges.map((privilege) => ({ user_id: id, privilege }))).execute();
        }
      });
    } catch (error) {
      if (isUniqueViolation(error) && user.username !== null) throw new UsernameTakenError(user.username);
      throw error;
    }
    return toRecord({ ...row, seq: 0, emails: '[]', blocked: false }, privileges);
  }

  async list(): Promise<string[]> {
    const rows = await this.db.selectFrom('users').select('id').orderBy('seq').execute();
    return rows.map((r) => r.id);
  }

  async get(id: string): Promise<UserRecord | undefined> {
    const found = await this.#withPrivileges(this.#byId, id);
    return found && toRecord(found.row, found.privileges);
  }

  async remove(id: string): Promise<boolean> {
    // user_privileges rows go with the user (on delete cascade).
    const result = await this.db.deleteFrom('users').where('id', '=', id).executeTakeFirst();
    return result.numDeletedRows > 0n;
  }

  async findByUsername(username: string): Promise<UserWithCredentials | undefined> {
    // No user can have such a name (the API refuses it), and PostgreSQL would fail the statement
    // on it while SQLite truncates at it: not found, on every store. Defence in depth.
    if (username.includes('\0')) return undefined;
    const found = await this.#withPrivileges(this.#byUsername, username);
    return found && { ...toRecord(found.row, found.privileges), passwordHash: found.row.password_hash };
  }

  async getWithCredentials(id: string): Promise<UserWithCredentials | undefined> {
    const found = await this.#withPrivileges(this.#byId, id);
    return found && { ...toRecord(found.row, found.privileges), passwordHash: found.row.password_hash };
  }

  async update(id: string, changes: UserChanges): Promise<UserRecord | undefined> {
    const set: Partial<Pick<UserRow, 'username' | 'full_name' | 'password_hash' | 'basic_auth_enabled' | 'blocked'>> = {};
    if (changes.username !== undefined) set.username = changes.username;
    if (changes.fullName !== undefined) set.full_name = changes.fullName;
    if (changes.passwordHash !== undefined) set.password_hash = changes.passwordHash;
    if (changes.basicAuthEnabled !== undefined) set.basic_auth_enabled = changes.basicAuthEnabled;
    if (changes.blocked !== undefined) set.blocked = changes.blocked;
    const privileges = changes.privileges && [...new Set(changes.privileges)].sort();
    try {
      const found = await this.db.transaction().execute(async (trx) => {
        if (Object.keys(set).length > 0) {
          const result = await trx.updateTable('users').set(set).where('id', '=', id).executeTakeFirst();
          if (result.numUpdatedRows === 0n) return false;
        }
        if (privileges !== undefined) {
          await trx.deleteFrom('user_privileges').where('user_id', '=', id).execute();
          if (privileges.length > 0) {
            await trx.insertInto('user_privileges').values(privileges.map((privilege) => ({ user_id: id, privilege }))).execute();
          }
        }
        return true;
      });
      if (!found) return undefined;
    } catch (error) {
      if (isUniqueViolation(error) && changes.username !== undefined) throw new UsernameTakenError(changes.username);
      throw error;
    }
    return this.get(id);
  }

  async addClientToken(userId: string, token: StoredClientToken): Promise<boolean> {
    // Insert-select: a user removed meanwhile gets no token (and no foreign-key error).
    const result = await this.db
      .insertInto('client_tokens')
      .columns(['user_id', 'token_hash', 'sealed'])
      .expression((eb) =>
        eb
          .selectFrom('users')
          .select([eb.val(userId).as('user_id'), eb.val(token.tokenHash).as('token_hash'), eb.val(token.sealed).as('sealed')])
          .where('id', '=', userId),
      )
      .executeTakeFirst();
    return Number(result.numInsertedOrUpdatedRows ?? 0n) > 0;
  }

  async listClientTokens(userId: string): Promise<StoredClientToken[]> {
    const rows = await this.db.selectFrom('client_tokens').select(['token_hash', 'sealed']).where('user_id', '=', userId).orderBy('seq').execute();
    return rows.map((r) => ({ tokenHash: r.token_hash, sealed: r.sealed }));
  }

  async removeClientToken(userId: string, tokenHash: string): Promise<boolean> {
    const result = await this.db.deleteFrom('client_tokens').where('user_id', '=', userId).where('token_hash', '=', tokenHash).executeTakeFirst();
    return result.numDeletedRows > 0n;
  }

  async findByTokenHash(tokenHash: string): Promise<UserRecord | undefined> {
    const row = await this.db.selectFrom('client_tokens').select('user_id').where('token_hash', '=', tokenHash).executeTakeFirst();
    return row === undefined ? undefined : this.get(row.user_id);
  }

  async count(): Promise<number> {
    const { total } = await this.db.selectFrom('users').select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow();
    return Number(total);
  }

  async hasUserWithPrivilege(privilege: string): Promise<boolean> {
    const row = await this.db.selectFrom('user_privileges').select('user_id').where('privilege', '=', privilege).limit(1).executeTakeFirst();
    return row !== undefined;
  }

  /**
   * The user whose `column` is a parameter, with its privileges gathered into one column: one row,
   * however many privileges. (A join gave one row per privilege, each repeating every user column;
   * the driver's per-row cost made the admin's lookup, on every request it signs, ~3× dearer.)
   */
  #withPrivilegesQuery(column: 'id' | 'username'): CompiledQuery<UserPrivilegeRow> {
    const privileges: RawBuilder<string | string[]> =
      this.dialect === 'postgres'
        ? sql`array(select privilege from user_privileges where user_id = users.id order by privilege)`
        : sql`(select json_group_array(privilege order by privilege) from user_privileges where user_id = users.id)`;
    return this.db
      .selectFrom('users')
      .selectAll('users')
      .select(privileges.as('privileges'))
      .where(`users.${column}`, '=', '')
      .compile();
  }

  /** Runs a {@link #withPrivilegesQuery} for `value`: the user and its privileges, in one statement. */
  async #withPrivileges(
    query: CompiledQuery<UserPrivilegeRow>,
    value: string,
  ): Promise<{ row: UserRow; privileges: string[] } | undefined> {
    const { rows } = await this.db.executeQuery(withParameters(query, [value]));
    const row = rows[0];
    if (row === undefined) return undefined;
    return { row, privileges: typeof row.privileges === 'string' ? (JSON.parse(row.privileges) as string[]) : row.privileges };
  }
}

function toRecord(row: UserRow, privileges: string[]): UserRecord {
  return {
    id: row.id,
    username: row.username,
    fullName: row.full_name,
    emails: JSON.parse(row.emails) as string[],
    blocked: Boolean(row.blocked),
    creationTime: Number(row.creation_time),
    basicAuthEnabled: Boolean(row.basic_auth_enabled),
    privileges,
  };
}
