/**
 * 1 vs 2 replicas of each server on one PostgreSQL database (`TEST_DATABASE_URL`), printed by
 * `replicaThroughput`; skipped when PostgreSQL does not answer. Not pinned: the point is what a
 * second process buys on this machine.
 */
import { replicaThroughput } from '../replica-throughput.ts';
import { findTestPostgres } from '@repo/test-kit';
import { REPO_ROOT } from '../launches.ts';

/** Runs both APIs' replica benchmarks, `seconds` per case. */
export async function replicas(seconds: number): Promise<void> {
  const postgres = await findTestPostgres('replica benchmark', { ...process.env, CI: '' });
  if (!postgres.available) return;
  await replicaThroughput({
    name: 'Camunda',
    appDir: `${REPO_ROOT}apps/camunda`,
    portVariable: 'CAMUNDA_PORT',
    basePath: '/v2',
    read: { method: 'POST', path: '/users/search', body: { page: { from: 0, limit: 100 } } },
    create: (n) => ({ method: 'POST', path: '/users', body: { username: `replica${n}`, password: 'bench-user-Passw0rd' } }),
    databaseUrl: postgres.url,
    seconds,
  });
  await replicaThroughput({
    name: 'Onezone',
    appDir: `${REPO_ROOT}apps/onezone`,
    portVariable: 'ONEZONE_PORT',
    basePath: '/api/v3/onezone',
    read: { method: 'GET', path: '/users' },
    create: (n) => ({ method: 'POST', path: '/users', body: { username: `replica${n}`, password: 'bench-user-Passw0rd', fullName: 'Bench User' } }),
    databaseUrl: postgres.url,
    seconds,
  });
}
