/**
 * The default request id: a random (version 4) UUID, as `crypto.randomUUID()` makes, from the
 * same source (OpenSSL's generator, drawn 64 KiB at a time). Built in one `String.fromCharCode`
 * call of 36 character codes: one flat string without a call into C++. Node's `randomUUID()`
 * concatenates its 20 pieces, which Node's header check then has to flatten on every response,
 * and a `Buffer` written byte by byte needs C++ to become a string; each cost more per request
 * than this whole function (issue #12's profiles).
 */
import { randomFillSync } from 'node:crypto';

const POOL_BYTES = 16 * 4096;
const pool = new Uint8Array(POOL_BYTES);
let next = POOL_BYTES;
/** Where the current id's 16 bytes start in the pool. */
let start = 0;

/** The character codes of each byte's two lower-case hex digits, at 2·byte and 2·byte + 1. */
const HEX = new Uint8Array(512);
for (let byte = 0; byte < 256; byte++) {
  const digits = byte.toString(16).padStart(2, '0');
  HEX[2 * byte] = digits.charCodeAt(0);
  HEX[2 * byte + 1] = digits.charCodeAt(1);
}
const DASH = 0x2d;

function b(i: number): number {
  return pool[start + i] as number;
}

function high(byte: number): number {
  return HEX[2 * byte] as number;
}

function low(byte: number): number {
  return HEX[2 * byte + 1] as number;
}

/** A new random UUID, lower-case hex (`xxxxxxxx-xxxx-4xxx-[89ab]xxx-xxxxxxxxxxxx`). */
export function randomRequestId(): string {
  if (next === POOL_BYTES) {
    randomFillSync(pool);
    next = 0;
  }
  start = next;
  next += 16;
  // RFC 9562 §5.4: the version (4) in the high nibble of byte 6, the variant (10) in the top bits of byte 8.
  const version = (b(6) & 0x0f) | 0x40;
  const variant = (b(8) & 0x3f) | 0x80;
  return String.fromCharCode(
    high(b(0)), low(b(0)), high(b(1)), low(b(1)), high(b(2)), low(b(2)), high(b(3)), low(b(3)), DASH,
    high(b(4)), low(b(4)), high(b(5)), low(b(5)), DASH,
    high(version), low(version), high(b(7)), low(b(7)), DASH,
    high(variant), low(variant), high(b(9)), low(b(9)), DASH,
    high(b(10)), low(b(10)), high(b(11)), low(b(11)), high(b(12)), low(b(12)),
    high(b(13)), low(b(13)), high(b(14)), low(b(14)), high(b(15)), low(b(15)),
  );
}
