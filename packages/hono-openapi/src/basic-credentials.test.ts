import { describe, expect, it } from 'vitest';
import { decodeBasicText } from './basic-credentials.ts';
import { textProblem } from './text-hygiene.ts';

/** What the decoder must agree with: the strict regex, Node's base64 decoder, strict UTF-8, text hygiene. */
function reference(encoded: string): string | undefined {
  if (!/^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/.test(encoded)) return undefined;
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(Buffer.from(encoded, 'base64'));
  } catch {
    return undefined;
  }
  return textProblem(text) === undefined ? text : undefined;
}

/** A seeded generator (xorshift32), so a failure names an input that reproduces. */
function generator(seed: number): () => number {
  let state = seed;
  return () => {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return (state >>> 0) / 2 ** 32;
  };
}

describe('decodeBasicText', () => {
  it.each([
    ['ZGVtbzpkZW1v', 'demo:demo'],
    ['', ''],
    ['QQ==', 'A'],
    ['QUI=', 'AB'],
    ['QUJD', 'ABC'],
    ['em/Dqzpww6Rzc3dvcmQ=', 'zoë:pässword'],
    ['8J+Ygjp4', '\u{1f602}:x'],
  ])('decodes %j as %j', (encoded, text) => {
    expect(decodeBasicText(encoded)).toBe(text);
  });

  it.each([
    ['junk after valid base64', 'ZGVtbzpkZW1v!junk'],
    ['base64 without its padding', 'QQ'],
    ['padding inside', 'QQ==QUJD'],
    ['three padding characters', 'Q==='],
    ['only padding', '===='],
    ['a character outside the alphabet', 'ZGVt-zpkZW1v'],
    ['a character beyond ASCII', 'ZGVtézpkZW1v'],
    ['the URL-safe alphabet', 'ZGVt_zpkZW1v'],
    ['a space inside (atob would skip it)', 'QU D'],
    ['a tab inside', 'Q\tJD'],
    ['a line break before the padding', 'QUJDQ\nI='],
    ['U+0000', 'AA=='],
    ['U+0000 after a non-ASCII character', Buffer.from('é\0').toString('base64')],
    ['bytes that are not UTF-8', Buffer.from([0x61, 0xff, 0x62]).toString('base64')],
    ['a lone surrogate encoded in UTF-8', Buffer.from([0xed, 0xa0, 0x80]).toString('base64')],
  ])('refuses %s', (_case, encoded) => {
    expect(decodeBasicText(encoded)).toBeUndefined();
  });

  it('keeps to the last byte what padding leaves over, as Node does ("QR==" is "A")', () => {
    expect(decodeBasicText('QR==')).toBe('A');
    expect(decodeBasicText('QUJ=')).toBe('AB');
  });

  it('decodes a credential longer than one String.fromCharCode call takes', () => {
    // Node takes headers of up to 16 KiB by default and more when configured.
    const password = 'pä55'.repeat(6000);
    expect(decodeBasicText(Buffer.from(`demo:${password}`).toString('base64'))).toBe(`demo:${password}`);
    expect(decodeBasicText(Buffer.from(`demo:${'x'.repeat(30_000)}`).toString('base64'))).toBe(`demo:${'x'.repeat(30_000)}`);
  });

  it('agrees with the strict reference on random bytes, base64 texts and near-misses', () => {
    const random = generator(0x9e3779b9);
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/=-_!é \t\n\f\r';
    for (let run = 0; run < 20_000; run++) {
      const size = Math.floor(random() * 40);
      let encoded: string;
      if (run % 3 === 2) {
        encoded = Array.from({ length: size }, () => alphabet[Math.floor(random() * alphabet.length)]).join('');
      } else {
        // Mostly ASCII, sometimes any byte: both paths of the decoder.
        const high = run % 3 === 1 ? 256 : 128;
        encoded = Buffer.from(Array.from({ length: size }, () => Math.floor(random() * high))).toString('base64');
      }
      expect(decodeBasicText(encoded), JSON.stringify(encoded)).toBe(reference(encoded));
    }
  });
});
