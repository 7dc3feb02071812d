import { sql, type Kysely, type Migration } from 'kysely';
import { signInFailuresMigration } from '@repo/auth';
import { bytewiseText, counterPrimaryKey, counterType, type SqlDialect } from '@repo/persistence';

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
          // seq orders list_users by creation; the API only ever shows the random id.
          .addColumn('seq', counterType(dialect), counterPrimaryKey(dialect))
          .addColumn('id', text, (col) => col.notNull().unique())
          // Nullable: a unique index admits any number of NULLs in both dialects.
          .addColumn('username', text)
          .addColumn('full_name', 'text', (col) => col.notNull())
          .addColumn('password_hash', 'text')
          // A JSON array of strings; nothing queries into it.
          .addColumn('emails', 'text', (col) => col.notNull().defaultTo('[]'))
          .addColumn('blocked', 'boolean', (col) => col.notNull().defaultTo(false))
          .addColumn('creation_time', 'bigint', (col) => col.notNull())
          .execute();
        // The unique index, not a check before insert, is what keeps concurrent creates apart.
        await db.schema.createIndex('users_username_key').unique().on('users').column('username').execute();
        await db.schema
          .createTable('user_privileges')
          .addColumn('user_id', text, (col) => col.notNull().references('users.id').onDelete('cascade'))
          .addColumn('privilege', text, (col) => col.notNull())
          .addPrimaryKeyConstraint('user_privileges_pkey', ['user_id', 'privilege'])
          .execute();
        await db.schema.createIndex('user_privileges_privilege_idx').on('user_privileges').column('privilege').execute();
      },
      async down(db: Kysely<any>) {
        await db.schema.dropTable('user_privileges').execute();
        await db.schema.dropTable('users').execute();
      },
    },
    // Basic auth becomes a setting of its own (an admin may disable it while the password stays),
    // and users get client tokens.
    '0002_basic_auth_and_client_tokens': {
      async up(db: Kysely<any>) {
        await db.schema.alterTable('users').addColumn('basic_auth_enabled', 'boolean', (col) => col.notNull().defaultTo(false)).execute();
        await db
          .updateTable('users')
          .set({ basic_auth_enabled: true })
          .where('password_hash', 'is not', null)
          .execute();
        await db.schema
          .createTable('client_tokens')
          .addColumn('seq', counterType(dialect), counterPrimaryKey(dialect))
          .addColumn('user_id', text, (col) => col.notNull().references('users.id').onDelete('cascade'))
          // SHA-256 of the token (hex): how a presented token is found. Unique, so a lookup names one user.
          .addColumn('token_hash', text, (col) => col.notNull().unique())
          // The token under AES-256-GCM with a key outside the database, for list_client_tokens.
          .addColumn('sealed', 'text', (col) => col.notNull())
          .execute();
        await db.schema.createIndex('client_tokens_user_id_idx').on('client_tokens').column('user_id').execute();
      },
      async down(db: Kysely<any>) {
        await db.schema.dropTable('client_tokens').execute();
        await db.schema.alterTable('users').dropColumn('basic_auth_enabled').execute();
      },
    },
    // PostgreSQL only: replicas share their failed sign-in counts (SQLite servers count in memory).
    '0003_sign_in_failures': signInFailuresMigration(dialect),
  };
}
