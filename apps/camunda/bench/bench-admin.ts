/** The admin the bench server creates and the load generator authenticates as. */
export const BENCH_ADMIN = { username: 'admin', password: 'bench-admin-Passw0rd' } as const;
