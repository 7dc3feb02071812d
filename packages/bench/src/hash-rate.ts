// Script run by rawHashRate(): `hash-rate.ts <concurrency> <seconds>` prints the measured HashRate as JSON.
import { measureHashRate } from './raw-hash-rate.ts';

console.log(JSON.stringify(await measureHashRate(Number(process.argv[2] ?? 4), Number(process.argv[3] ?? 3))));
