/**
 * The text inside `Authorization: Basic <base64>` (RFC 7617): strict, padded RFC 4648 base64 of
 * UTF-8. An ASCII credential, nearly every one, is decoded here in JavaScript; Node's base64
 * decoder and `TextDecoder` are each a call into C++ that cost more per request, natively, than
 * the whole of Ajv's validation of a user (issue #12's perf profile: 0.75 µs of the runtime's
 * 2 µs over bare Hono). Bytes above 0x7f go to that strict path, so UTF-8 is decoded by the same
 * decoder as before.
 */

/** RFC 4648 base64 with its padding: what RFC 7617 puts after `Basic `, and nothing else. */
const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
/** The 6-bit value of each ASCII character of the alphabet; -1 for every other code below 128. */
const SEXTET = new Int8Array(128).fill(-1);
for (let i = 0; i < ALPHABET.length; i++) SEXTET[ALPHABET.charCodeAt(i)] = i;

const EQUALS = 0x3d;
const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

function sextet(encoded: string, at: number): number {
  const code = encoded.charCodeAt(at);
  return code < 128 ? (SEXTET[code] as number) : -1;
}

/**
 * The decoded text, or undefined when `encoded` is not strict padded base64 or its bytes are not
 * UTF-8. Node's own decoder stops at the first character outside the alphabet and ignores the
 * rest, so `<valid>!junk` would sign in: it only ever sees what passed the strict check.
 */
export function decodeBasicText(encoded: string): string | undefined {
  const length = encoded.length;
  if (length % 4 !== 0) return undefined;
  const padding = length === 0 || encoded.charCodeAt(length - 1) !== EQUALS ? 0 : encoded.charCodeAt(length - 2) === EQUALS ? 2 : 1;
  const whole = length - (padding === 0 ? 0 : 4);
  let text = '';
  for (let at = 0; at < whole; at += 4) {
    const a = sextet(encoded, at);
    const b = sextet(encoded, at + 1);
    const c = sextet(encoded, at + 2);
    const d = sextet(encoded, at + 3);
    // A negative sextet sets the sign bit; so does a byte above 0x7f in the first or third place.
    if ((a | b | c | d) < 0 || a >= 32 || (b & 15) >= 8 || (c & 3) >= 2) return decodeStrict(encoded);
    text += String.fromCharCode((a << 2) | (b >> 4), ((b & 15) << 4) | (c >> 2), ((c & 3) << 6) | d);
  }
  if (padding === 0) return text;
  const a = sextet(encoded, whole);
  const b = sextet(encoded, whole + 1);
  if ((a | b) < 0 || a >= 32) return decodeStrict(encoded);
  // What padding leaves over of the last sextet is dropped, as Node's decoder drops it.
  if (padding === 2) return text + String.fromCharCode((a << 2) | (b >> 4));
  const c = sextet(encoded, whole + 2);
  if (c < 0 || (b & 15) >= 8) return decodeStrict(encoded);
  return text + String.fromCharCode((a << 2) | (b >> 4), ((b & 15) << 4) | (c >> 2));
}

/** Anything but ASCII in strict base64: the regex's check, Node's decoder, strict UTF-8. */
function decodeStrict(encoded: string): string | undefined {
  if (!BASE64.test(encoded)) return undefined;
  try {
    return strictUtf8.decode(Buffer.from(encoded, 'base64'));
  } catch {
    return undefined;
  }
}
