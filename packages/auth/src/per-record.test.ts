import { describe, expect, it } from 'vitest';
import { perRecord } from './per-record.ts';

describe('perRecord', () => {
  it('derives once per record object, and again for another object with the same content', () => {
    let calls = 0;
    const principal = perRecord((user: { name: string }) => ({ name: user.name, n: ++calls }));
    const ann = Object.freeze({ name: 'ann' });
    expect(principal(ann)).toBe(principal(ann));
    expect(calls).toBe(1);
    const annAgain = Object.freeze({ name: 'ann' });
    expect(principal(annAgain)).toEqual({ name: 'ann', n: 2 });
  });
});
