// Raw argon2id hash rate with the server's parameters: `concurrency` hashes in flight for
// `seconds`, as the server would run them. Run pinned to the server's core by run.ts.
import { Argon2idPasswordHasher } from '@repo/server-kit';

const concurrency = Number(process.argv[2] ?? 4);
const seconds = Number(process.argv[3] ?? 3);
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
console.log(JSON.stringify({ hashesPerSecond: done / elapsed, hashes: done, seconds: elapsed }));
