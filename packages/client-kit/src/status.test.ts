import { describe, expect, it } from 'vitest';
import { createTypedClient } from './create-typed-client.ts';
import { isStatus } from './status.ts';

interface paths {
  '/things': {
    get: {
      responses: {
        200: { headers: Record<string, unknown>; content: { 'application/json': { ok: boolean } } };
        404: { headers: Record<string, unknown>; content: { 'application/json': { missing: string } } };
      };
    };
  };
}

describe('isStatus', () => {
  it('tells the status of a result', async () => {
    const fetch = async () => Response.json({ missing: 'things' }, { status: 404 });
    const result = await createTypedClient<paths>({ baseUrl: 'http://x', fetch }).GET('/things');
    expect(isStatus(result, 404)).toBe(true);
    expect(isStatus(result, 200)).toBe(false);
    if (isStatus(result, 404)) expect(result.error.missing).toBe('things');
  });
});
