import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { Argon2idPasswordHasher } from '@repo/auth';

export interface HashRate {
  hashesPerSecond: number;
  hashes: number;
  seconds: number;
}

/**
 * Raw argon2id hash rate with the server's (OWASP) parameters: `concurrency` hashes in flight for
 * `seconds`, as the server would run them.
 */
export async function measureHashRate(concurrency: number, seconds: number): Promise<HashRate> {
  const hasher = new Argon2idPasswordHasher();
  await hasher.hash('warm-up');
  let done = 0;
  let stop = false;
  const started = performance.now();
  setTimeout(() => (stop = true), seconds * 1000);
  await Promise.all(
    Array.from({ length: concurrency }, async (_, lane) => {
      for (let i = 0; !stop; i++) {
        await hasher.hash(`bench-${lane}-${i}-Passw0rd`);
        done++;
      }
    }),
  );
  const elapsed = (performance.now() - started) / 1000;
  return { hashesPerSecond: done / elapsed, hashes: done, seconds: elapsed };
}

/** {@link measureHashRate} in a separate process pinned to `core` (the server's; it is idle then). */
export function rawHashRate(core: string, concurrency: number, seconds: number): number {
  const script = fileURLToPath(new URL('./hash-rate.ts', import.meta.url));
  const args = ['-c', core, process.execPath, '--import', 'tsx', script, String(concurrency), String(seconds)];
  return (JSON.parse(execFileSync('taskset', args, { encoding: 'utf8' })) as HashRate).hashesPerSecond;
}
