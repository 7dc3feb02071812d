import { Kysely, PostgresDialect, sql } from 'kysely';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dropSchema, findTestPostgres, freshSchemaName } from '@repo/test-support';
import { currentSchemaIntrospection } from './current-schema-introspector.ts';

const postgres = await findTestPostgres('current-schema introspector on PostgreSQL');

describe.skipIf(!postgres.available)('currentSchemaIntrospection on PostgreSQL', () => {
  const schema = freshSchemaName('test_introspect');
  let db: Kysely<unknown>;
  beforeAll(async () => {
    const pool = new pg.Pool({ connectionString: postgres.url, max: 2, options: `-c search_path=${schema}` });
    db = new Kysely({ dialect: currentSchemaIntrospection(new PostgresDialect({ pool })) });
    await sql`create schema ${sql.id(schema)}`.execute(db);
    await sql`create table widgets (id serial primary key, name text)`.execute(db);
    await sql`create view widget_names as select name from widgets`.execute(db);
  });
  afterAll(async () => {
    await db?.destroy();
    await dropSchema(postgres.url, schema);
  });

  it("lists the current schema's tables and views, and that schema alone", async () => {
    expect(await db.introspection.getSchemas()).toEqual([{ name: schema }]);
    expect(await db.introspection.getTables()).toEqual([
      { name: 'widget_names', schema, isView: true, columns: [] },
      { name: 'widgets', schema, isView: false, columns: [] },
    ]);
  });

  it('keeps answering while another session creates and drops schemas', async () => {
    const churn = new pg.Client({ connectionString: postgres.url });
    await churn.connect();
    let stop = false;
    const churning = (async () => {
      for (let i = 0; !stop; i++) {
        const other = `${schema}_churn_${i}`;
        await churn.query(`create schema ${other}; create table ${other}.t (id serial primary key)`);
        await churn.query(`drop schema ${other} cascade`);
      }
    })();
    try {
      // Kysely's own introspector failed 8 % of such calls ("schema … does not exist").
      for (let i = 0; i < 400; i++) expect((await db.introspection.getTables()).map((t) => t.name)).toEqual(['widget_names', 'widgets']);
    } finally {
      stop = true;
      await churning;
      await churn.end();
    }
  }, 30_000);
});
