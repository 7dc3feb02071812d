import { describe, expect, it } from 'vitest';
import { contains } from './follow.ts';

describe('contains', () => {
  it('finds every identity value among the leaves of a JSON body', () => {
    const body = JSON.stringify({ items: [{ key: 7, username: 'zoë' }], page: { totalItems: 1 } });
    expect(contains(body, ['zoë'])).toBe(true);
    expect(contains(body, ['zoë', 7])).toBe(true);
    expect(contains(body, ['zoe'])).toBe(false);
    expect(contains(body, ['zoë', 8])).toBe(false);
    expect(contains('not json', ['zoë'])).toBe(false);
  });
});
