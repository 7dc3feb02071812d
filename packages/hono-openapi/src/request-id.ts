/**
 * The default request id: a random (version 4) UUID, as `crypto.randomUUID()` makes, from the
 * same source (Web Crypto's `getRandomValues`, drawn 4 KiB at a time as Node's own UUIDs are).
 * Written out byte by byte into one flat string: Node's `randomUUID()` concatenates its 20 pieces,
 * and Node's header check then has to flatten that string on every response, which cost more than
 * making the id (issue #12's profile).
 */

const POOL_BYTES = 16 * 256;
const pool = new Uint8Array(POOL_BYTES);
let next = POOL_BYTES;
const out = Buffer.alloc(36);
const HEX = Buffer.from('0123456789abcdef', 'latin1');

/** A new random UUID, lower-case hex (`xxxxxxxx-xxxx-4xxx-[89ab]xxx-xxxxxxxxxxxx`). */
export function randomRequestId(): string {
  if (next === POOL_BYTES) {
    crypto.getRandomValues(pool);
    next = 0;
  }
  const start = next;
  next += 16;
  let at = 0;
  for (let i = 0; i < 16; i++) {
    let byte = pool[start + i] as number;
    // RFC 9562 §5.4: the version (4) in the high nibble of byte 6, the variant (10) in the top bits of byte 8.
    if (i === 6) byte = (byte & 0x0f) | 0x40;
    else if (i === 8) byte = (byte & 0x3f) | 0x80;
    out[at++] = HEX[byte >> 4] as number;
    out[at++] = HEX[byte & 0x0f] as number;
    if (i === 3 || i === 5 || i === 7 || i === 9) out[at++] = 0x2d;
  }
  return out.toString('latin1', 0, 36);
}
