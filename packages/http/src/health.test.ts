import { describe, expect, it } from 'vitest';
import { createHealthApp } from './health.ts';

describe('createHealthApp', () => {
  it('answers /health 200 {status:"ok"} without asking the database', async () => {
    let asked = 0;
    const res = await createHealthApp({ ready: () => Promise.reject(new Error(`asked ${++asked}`)) }).request('/health');
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: 'ok' });
    expect(asked).toBe(0);
  });

  it('answers /ready 200 {status:"ready"} when the readiness check passes', async () => {
    const res = await createHealthApp({ ready: async () => 1 }).request('/ready');
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: 'ready' });
  });

  it('answers /ready 503 when the check fails, without the cause', async () => {
    const res = await createHealthApp({ ready: () => Promise.reject(new Error('db at 10.0.0.1 down')) }).request('/ready');
    expect(res.status).toBe(503);
    expect(await res.text()).toBe('{"status":"unavailable"}');
  });

  it('answers /ready 503 when the check hangs past the timeout', async () => {
    const res = await createHealthApp({ ready: () => new Promise(() => {}), timeoutMs: 20 }).request('/ready');
    expect(res.status).toBe(503);
  });
});
