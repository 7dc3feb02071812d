import { describe, expect, it } from 'vitest';
import { randomRequestId } from './request-id.ts';

describe('randomRequestId', () => {
  it('is a version 4 UUID, as crypto.randomUUID() makes', () => {
    expect(randomRequestId()).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });

  it('never repeats, across refills of its random pool', () => {
    // 4,096 ids use up one pool: three pools' worth.
    const ids = Array.from({ length: 3 * 4096 + 1 }, randomRequestId);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });
});
