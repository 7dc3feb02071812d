import { sql, type Kysely, type Migration } from 'kysely';
import { signInFailuresMigration } from '@repo/auth';
import { bytewiseText, counterPrimaryKey, counterType, type SqlDialect } from '@repo/persistence';
import { FIRST_USER_KEY } from './user-store.ts';

/**
 * The schema, as Kysely migrations in code (bundles carry no migration files). Append new
 * migrations; never edit one that has shipped.
 */
export function userStoreMigrations(dialect: SqlDialect): Record<string, Migration> {
  const text = bytewiseText(dialect);
  return {
    '0001_users': {
      async up(db: Kysely<any>) {
        await db.schema
          .createTable('users')
          .addColumn('key', counterType(dialect), counterPrimaryKey(dialect))
          .addColumn('username', text, (col) => col.notNull())
          .addColumn('name', text, (col) => col.notNull().defaultTo(''))
          .addColumn('email', text, (col) => col.notNull().defaultTo(''))
          .addColumn('password_hash', 'text', (col) => col.notNull())
          .addColumn('created_at', 'text', (col) => col.notNull())
          .execute();
        // The unique index, not a check before insert, is what keeps concurrent creates apart.
        await db.schema.createIndex('users_username_key').unique().on('users').column('username').execute();
        await db.schema
          .createTable('user_permissions')
          .addColumn('user_key', counterType(dialect), (col) =>
            col.notNull().references('users.key').onDelete('cascade'),
          )
          .addColumn('permission', text, (col) => col.notNull())
          .addPrimaryKeyConstraint('user_permissions_pkey', ['user_key', 'permission'])
          .execute();
        await db.schema.createIndex('user_permissions_permission_idx').on('user_permissions').column('permission').execute();
        // Start keys where Camunda's do.
        if (dialect === 'postgres') {
          await sql`alter table users alter column "key" restart with ${sql.lit(FIRST_USER_KEY)}`.execute(db);
        } else {
          await sql`insert into sqlite_sequence (name, seq) values ('users', ${sql.lit(FIRST_USER_KEY - 1)})`.execute(db);
        }
      },
      async down(db: Kysely<any>) {
        await db.schema.dropTable('user_permissions').execute();
        await db.schema.dropTable('users').execute();
      },
    },
    // PostgreSQL only: replicas share their failed sign-in counts (SQLite servers count in memory).
    '0002_sign_in_failures': signInFailuresMigration(dialect),
  };
}
