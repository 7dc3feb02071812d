import { describe, expect, it } from 'vitest';
import { logRequest } from './request-logger.ts';
import { captureLogger } from '@repo/test-support';

const request = (path: string, init?: RequestInit) => new Request(`http://localhost${path}`, init);

describe('logRequest', () => {
  it('logs method, path, status, duration and the request id', () => {
    const log = captureLogger();
    logRequest(log.logger, request('/users?secret=1', { method: 'POST' }), 201, 'abc-123', performance.now() - 5);
    expect(log.lines).toEqual([expect.objectContaining({ level: 30, method: 'POST', path: '/users', status: 201, requestId: 'abc-123', durationMs: expect.any(Number) })]);
    expect(log.lines[0]?.['durationMs']).toBeGreaterThanOrEqual(5);
  });

  it('logs the path decoded, as Hono routes it', () => {
    const log = captureLogger();
    logRequest(log.logger, request('/users/J%C3%BCrgen'), 200, undefined, performance.now());
    expect(log.lines[0]?.['path']).toBe('/users/Jürgen');
  });

  it('never logs headers, bodies or the query string', () => {
    const log = captureLogger('trace');
    const sent = request('/users?token=qs-secret', {
      method: 'POST',
      headers: { Authorization: 'Basic c2VjcmV0', 'Content-Type': 'application/json' },
      body: JSON.stringify({ password: 'body-secret' }),
    });
    logRequest(log.logger, sent, 201, 'id', performance.now());
    expect(log.text()).not.toMatch(/c2VjcmV0|body-secret|qs-secret/);
  });

  it('logs a failed request at error level', () => {
    const log = captureLogger();
    logRequest(log.logger, request('/boom'), 500, 'id', performance.now());
    expect(log.lines[0]).toMatchObject({ level: 50, status: 500, path: '/boom' });
  });

  it('logs a 503 (database unavailable) at warn level, not as a failure', () => {
    const log = captureLogger();
    logRequest(log.logger, request('/later'), 503, 'id', performance.now());
    expect(log.lines[0]).toMatchObject({ level: 40, status: 503, path: '/later' });
  });

  it('logs only what the logger’s level lets through: a failure at warn, not a success', () => {
    const log = captureLogger('warn');
    logRequest(log.logger, request('/users', { method: 'POST' }), 201, 'a', performance.now());
    logRequest(log.logger, request('/boom'), 500, 'b', performance.now());
    expect(log.lines).toEqual([expect.objectContaining({ level: 50, status: 500, path: '/boom' })]);
  });
});
