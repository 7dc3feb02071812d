/**
 * The characters positive strings are drawn from: mostly printable ASCII, then Latin, Greek,
 * Cyrillic, Hebrew, Arabic, Devanagari, CJK, Hangul and astral-plane letters and emoji (two UTF-16
 * units, one code point: lengths are counted as Ajv counts them). No controls, no NUL, no
 * surrogates: those are transport mutations, judged separately.
 */
import fc from 'fast-check';

const ranges: ReadonlyArray<readonly [number, number]> = [
  [0x00c0, 0x024f], // Latin-1 letters, Latin Extended
  [0x0391, 0x03c9], // Greek
  [0x0410, 0x044f], // Cyrillic
  [0x05d0, 0x05ea], // Hebrew
  [0x0627, 0x064a], // Arabic
  [0x0905, 0x0939], // Devanagari
  [0x4e00, 0x4fff], // CJK
  [0xac00, 0xad00], // Hangul
  [0x1f600, 0x1f64f], // emoji (astral)
  [0x20000, 0x20fff], // CJK extension B (astral letters)
];

/** One code point, as a string. */
export const codePoint: fc.Arbitrary<string> = fc.oneof(
  { weight: 8, arbitrary: fc.integer({ min: 0x20, max: 0x7e }).map((c) => String.fromCodePoint(c)) },
  {
    weight: 2,
    arbitrary: fc
      .constantFrom(...ranges)
      .chain(([min, max]) => fc.integer({ min, max }))
      .map((c) => String.fromCodePoint(c)),
  },
);

/** Length of a string in code points, as JSON Schema (and Ajv) count it. */
export function codePointLength(value: string): number {
  let n = 0;
  for (const _ of value) n += 1;
  return n;
}
