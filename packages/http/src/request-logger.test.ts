import { Hono } from 'hono';
import { requestId } from 'hono/request-id';
import { describe, expect, it } from 'vitest';
import { requestLogger } from './request-logger.ts';
import { captureLogger } from '@repo/test-support';

function appWith(log: ReturnType<typeof captureLogger>, withRequestId = false) {
  const app = new Hono();
  if (withRequestId) app.use(requestId());
  app.use(requestLogger(log.logger));
  app.post('/users', (c) => c.json({ ok: true }, 201));
  app.get('/boom', () => {
    throw new Error('boom');
  });
  return app;
}

describe('requestLogger', () => {
  it('logs method, path, status, duration and the X-Request-Id', async () => {
    const log = captureLogger();
    await appWith(log).request('/users?secret=1', { method: 'POST', headers: { 'X-Request-Id': 'abc-123' } });
    expect(log.lines).toEqual([
      expect.objectContaining({ method: 'POST', path: '/users', status: 201, requestId: 'abc-123', durationMs: expect.any(Number) }),
    ]);
  });

  it('prefers the id set by the requestId middleware', async () => {
    const log = captureLogger();
    const res = await appWith(log, true).request('/users', { method: 'POST' });
    expect(log.lines[0]?.['requestId']).toBe(res.headers.get('X-Request-Id'));
  });

  it('never logs headers, bodies or the query string', async () => {
    const log = captureLogger('trace');
    await appWith(log).request('/users?token=qs-secret', {
      method: 'POST',
      headers: { Authorization: 'Basic c2VjcmV0', 'Content-Type': 'application/json' },
      body: JSON.stringify({ password: 'body-secret' }),
    });
    expect(log.text()).not.toMatch(/c2VjcmV0|body-secret|qs-secret/);
  });

  it('logs a failed request at error level with status 500', async () => {
    const log = captureLogger();
    await appWith(log).request('/boom');
    expect(log.lines[0]).toMatchObject({ level: 50, status: 500, path: '/boom' });
  });

  it('logs a 503 (database unavailable) at warn level, not as a failure', async () => {
    const log = captureLogger();
    const app = appWith(log);
    app.get('/later', (c) => c.text('later', 503));
    await app.request('/later');
    expect(log.lines[0]).toMatchObject({ level: 40, status: 503, path: '/later' });
  });

  it('ignores a malformed X-Request-Id', async () => {
    const log = captureLogger();
    await appWith(log).request('/users', { method: 'POST', headers: { 'X-Request-Id': 'has spaces {and braces}' } });
    expect(log.lines[0]?.['requestId']).toBeUndefined();
  });
});

describe('logRequest', () => {
  it('logs only what the logger’s level lets through: a failure at warn, not a success', async () => {
    const log = captureLogger('warn');
    const app = appWith(log);
    await app.request('/users', { method: 'POST' });
    await app.request('/boom');
    expect(log.lines).toEqual([expect.objectContaining({ level: 50, status: 500, path: '/boom' })]);
  });
});
