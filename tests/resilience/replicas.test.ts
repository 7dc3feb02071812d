/**
 * Several processes of one API on one PostgreSQL database, as behind a load balancer: they
 * cold-start together on an empty database (migrations and the bootstrap admin under an advisory
 * lock: all come up, one admin), duplicate creates spread over the replicas keep exactly one
 * winner, a changed password or a removed user is refused by every replica at once (the credential
 * cache holds nothing a replica could disagree on), and failed sign-ins count across replicas.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { findTestPostgres } from '@repo/test-kit';
import { ADMIN } from '../support/admin.ts';
import type { ApiName } from '../support/apis.ts';
import { startServer, type RunningServer } from '../support/start-server.ts';
import { createTestDatabase } from '../support/stores.ts';
import { call, createUser, credentialsOf, read, removeUser, TAKEN_STATUS } from './api-calls.ts';

const pg = await findTestPostgres('replica tests');

describe.skipIf(!pg.available)('replicas on one PostgreSQL database', () => {
  const cleanups: (() => Promise<unknown>)[] = [];
  afterAll(async () => {
    for (const cleanup of cleanups.reverse()) await cleanup().catch(() => undefined);
  });

  /** Starts `count` processes at once on a fresh database. */
  async function coldStart(api: ApiName, count: number, env: Record<string, string> = {}): Promise<RunningServer[]> {
    const database = await createTestDatabase(pg.url, `replicas_${api}`);
    cleanups.push(() => database.drop());
    const starts = await Promise.allSettled(Array.from({ length: count }, () => startServer({ api, databaseUrl: database.url, env })));
    for (const start of starts) if (start.status === 'fulfilled') cleanups.push(() => start.value.kill());
    const failed = starts.flatMap((start) => (start.status === 'rejected' ? [String(start.reason)] : []));
    expect(failed).toEqual([]);
    return starts.map((start) => (start as PromiseFulfilledResult<RunningServer>).value);
  }

  const target = (api: ApiName, server: RunningServer) => ({ api, baseUrl: server.baseUrl });

  for (const api of ['camunda', 'onezone'] as const) {
    describe(api, () => {
      it('cold-starts three replicas together with a generated admin password: all serve, one admin, printed once', async () => {
        const replicas = await coldStart(api, 3, { ADMIN_PASSWORD: '' });
        const banners = replicas.map((r) => /BOOTSTRAP ADMIN CREATED: username \\"admin\\", password \\"([^"\\]+)\\"/.exec(r.log())?.[1]);
        const passwords = banners.filter((b): b is string => b !== undefined);
        expect(passwords).toHaveLength(1);
        for (const replica of replicas) {
          expect((await read(target(api, replica), { auth: { username: 'admin', password: passwords[0]! } })).status).toBe(200);
        }
        await Promise.all(replicas.map((r) => r.stop()));
      }, 90_000);

      it('cold-starts two replicas together with ADMIN_PASSWORD, keeps one winner of duplicate creates, and agrees on changed passwords (Camunda), removed users and failed sign-ins', async () => {
        const replicas = await coldStart(api, 2, { SIGN_IN_MAX_FAILURES: '3' });
        const [a, b] = replicas.map((r) => target(api, r)) as [ReturnType<typeof target>, ReturnType<typeof target>];

        // Six concurrent creates of one username, alternating between the replicas.
        const answers = await Promise.all(Array.from({ length: 6 }, (_, i) => createUser(i % 2 === 0 ? a : b, 'same.name')));
        const statuses = answers.map((answer) => answer.status).sort();
        expect(statuses.filter((s) => s < 300)).toHaveLength(1);
        expect(statuses.filter((s) => s >= 300)).toEqual(Array(5).fill(TAKEN_STATUS[api]));

        // Signed in on both (each caches the verified password), removed on one: refused on both at once.
        const user = credentialsOf('same.name');
        const self = (t: typeof a) => (api === 'camunda' ? read(t, { auth: user }) : call(t, 'GET', '/user', { auth: user }));
        expect((await self(a)).status).toBe(api === 'camunda' ? 403 : 200);
        expect((await self(b)).status).toBe(api === 'camunda' ? 403 : 200);
        const id = answers.find((answer) => answer.created !== undefined)!.created!;
        if (api === 'camunda') {
          // A password changed through one replica: the old one is refused by the other at once.
          const changed = { ...user, password: 'changed-Passw0rd' };
          expect((await call(a, 'PUT', `/users/${id}`, { body: { password: changed.password } })).status).toBe(204);
          expect((await read(b, { auth: user })).status).toBe(401);
          expect((await read(b, { auth: changed })).status).toBe(403);
          Object.assign(user, changed);
          expect((await self(a)).status).toBe(403);
        }
        expect((await removeUser(a, id)).status).toBe(204);
        expect((await self(b)).status).toBe(401);
        expect((await self(a)).status).toBe(401);

        // Failed sign-ins on one replica throttle the client on the other; another client is unaffected.
        for (let i = 0; i < 3; i += 1) expect((await read(a, { auth: { ...ADMIN, password: `guess-${i}` } })).status).toBe(401);
        const throttled = await read(b);
        expect(throttled.status).toBe(429);
        expect(Number(throttled.headers['retry-after'])).toBeGreaterThan(0);
        expect((await read(b, { localAddress: '127.0.0.2' })).status).toBe(200);
        await Promise.all(replicas.map((r) => r.stop()));
      }, 90_000);
    });
  }
});
