import { describe, expect, it } from 'vitest';
import { createHealthApp } from './health.ts';

describe('createHealthApp', () => {
  it('answers 200 {status:"ok"} when the ping succeeds', async () => {
    const res = await createHealthApp({ ping: async () => 1 }).request('/health');
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: 'ok' });
  });

  it('answers 503 when the ping fails, without the cause', async () => {
    const res = await createHealthApp({ ping: () => Promise.reject(new Error('db at 10.0.0.1 down')) }).request('/health');
    expect(res.status).toBe(503);
    expect(await res.text()).toBe('{"status":"unavailable"}');
  });

  it('answers 503 when the ping hangs past the timeout', async () => {
    const res = await createHealthApp({ ping: () => new Promise(() => {}), timeoutMs: 20 }).request('/health');
    expect(res.status).toBe(503);
  });
});
