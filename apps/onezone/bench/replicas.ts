// `npm run bench` (after run.ts): create and read throughput of 1 vs 2 Onezone replicas on one
// PostgreSQL database (TEST_DATABASE_URL), as ratios. Figures, not a test; skipped without PostgreSQL.
import { fileURLToPath } from 'node:url';
import { replicaThroughput } from '@repo/bench';
import { findTestPostgres } from '@repo/test-kit';

const postgres = await findTestPostgres('Onezone replica benchmark', { ...process.env, CI: '' });
if (postgres.available) {
  await replicaThroughput({
    name: 'Onezone',
    appDir: fileURLToPath(new URL('..', import.meta.url)),
    portVariable: 'ONEZONE_PORT',
    basePath: '/api/v3/onezone',
    read: { method: 'GET', path: '/users' },
    create: (n) => ({ method: 'POST', path: '/users', body: { username: `replica${n}`, password: 'bench-user-Passw0rd', fullName: 'Bench User' } }),
    databaseUrl: postgres.url,
    seconds: Number(process.env['BENCH_SECONDS'] ?? 3),
  });
}
