import { describe, expect, it } from 'vitest';
import { captureLogger } from './testing/capture-logger.ts';

describe('createLogger', () => {
  it('writes one JSON line with name, level and message', () => {
    const log = captureLogger();
    log.logger.info({ port: 8080 }, 'listening');
    expect(log.lines).toEqual([expect.objectContaining({ name: 'test', level: 30, msg: 'listening', port: 8080 })]);
  });

  it('redacts a password at the top level and one level down', () => {
    const log = captureLogger();
    log.logger.info({ password: 'hunter2hunter2', body: { password: 'sesame-open', username: 'a' } }, 'create');
    expect(log.text()).not.toMatch(/hunter2|sesame/);
    expect(log.lines[0]).toMatchObject({ password: '[REDACTED]', body: { password: '[REDACTED]', username: 'a' } });
  });

  it('redacts an Authorization header', () => {
    const log = captureLogger();
    log.logger.info({ req: { headers: { authorization: 'Basic YWRtaW46c2VjcmV0', host: 'x' } } }, 'req');
    log.logger.info({ headers: { authorization: 'Bearer abc.def' } }, 'headers');
    expect(log.text()).not.toMatch(/YWRtaW46c2VjcmV0|abc\.def/);
    expect(log.lines[0]).toMatchObject({ req: { headers: { authorization: '[REDACTED]', host: 'x' } } });
  });

  it('redacts password hashes and database URLs', () => {
    const log = captureLogger();
    log.logger.info({ user: { passwordHash: '$argon2id$secret' }, databaseUrl: 'postgres://u:pw@h/db' }, 'x');
    expect(log.text()).not.toMatch(/argon2id|pw@h/);
  });

  it('drops lines below the level', () => {
    const log = captureLogger('warn');
    log.logger.info('quiet');
    log.logger.warn('loud');
    expect(log.lines.map((l) => l['msg'])).toEqual(['loud']);
  });
});
