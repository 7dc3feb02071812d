// `npm run bench` (after run.ts): create and read throughput of 1 vs 2 Camunda replicas on one
// PostgreSQL database (TEST_DATABASE_URL), as ratios. Figures, not a test; skipped without PostgreSQL.
import { fileURLToPath } from 'node:url';
import { replicaThroughput } from '@repo/bench';
import { findTestPostgres } from '@repo/test-kit';

const postgres = await findTestPostgres('Camunda replica benchmark', { ...process.env, CI: '' });
if (postgres.available) {
  await replicaThroughput({
    name: 'Camunda',
    appDir: fileURLToPath(new URL('..', import.meta.url)),
    portVariable: 'CAMUNDA_PORT',
    basePath: '/v2',
    read: { method: 'POST', path: '/users/search', body: { page: { from: 0, limit: 100 } } },
    create: (n) => ({ method: 'POST', path: '/users', body: { username: `replica${n}`, password: 'bench-user-Passw0rd' } }),
    databaseUrl: postgres.url,
    seconds: Number(process.env['BENCH_SECONDS'] ?? 3),
  });
}
