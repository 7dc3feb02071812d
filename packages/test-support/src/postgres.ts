import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { redactUrl } from '@repo/config';

/** Where tests look for PostgreSQL when `TEST_DATABASE_URL` is unset. */
export const DEFAULT_TEST_DATABASE_URL = 'postgres://postgres@127.0.0.1:5432/test';

export type TestPostgres = { available: true; url: string } | { available: false; url: string; reason: string };

/**
 * Probes `TEST_DATABASE_URL` (or {@link DEFAULT_TEST_DATABASE_URL}). Unreachable: throws when `CI`
 * is set (CI must test the production store), else warns naming why, and the caller skips.
 */
export async function findTestPostgres(suite: string, env = process.env): Promise<TestPostgres> {
  const url = env['TEST_DATABASE_URL'] || DEFAULT_TEST_DATABASE_URL;
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    await client.query('select 1');
    return { available: true, url };
  } catch (error) {
    const reason = `PostgreSQL at ${redactUrl(url)} is unreachable (${error instanceof Error ? error.message : String(error)})`;
    if (env['CI']) throw new Error(`${suite}: ${reason}, and CI is set: CI must test the PostgreSQL store`);
    console.warn(`\n  SKIPPED ${suite}: ${reason}. Set TEST_DATABASE_URL to run them.\n`);
    return { available: false, url, reason };
  } finally {
    await client.end().catch(() => {});
  }
}

/** A schema name no other run uses, e.g. `test_camunda_5f1c…`. */
export function freshSchemaName(prefix: string): string {
  return `${prefix}_${randomBytes(6).toString('hex')}`;
}

/** Drops a schema a test created, with everything in it. */
export async function dropSchema(url: string, schema: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(`drop schema if exists ${pg.escapeIdentifier(schema)} cascade`);
  } finally {
    await client.end();
  }
}
