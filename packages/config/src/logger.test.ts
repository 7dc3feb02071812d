import { describe, expect, it } from 'vitest';
import { createLogger, defaultLogFormat, type LogLevel } from './logger.ts';

// test-support's captureLogger is built on createLogger, so this test captures on its own.
function captureLogger(level: LogLevel = 'info') {
  const raw: string[] = [];
  const logger = createLogger({ name: 'test', level, destination: { write: (chunk: string) => void raw.push(chunk) } });
  const text = () => raw.join('');
  return { logger, text, get lines() { return text().split('\n').filter(Boolean).map((l) => JSON.parse(l) as Record<string, unknown>); } };
}

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

describe('createLogger in pretty format', () => {
  function capturePretty(): { logger: ReturnType<typeof createLogger>; text: () => string } {
    const raw: string[] = [];
    const logger = createLogger({ name: 'test', format: 'pretty', destination: { write: (chunk: string) => void raw.push(chunk) } });
    return { logger, text: () => raw.join('') };
  }

  it('writes a readable line, not JSON, with level, name and message', () => {
    const log = capturePretty();
    log.logger.info({ port: 8080 }, 'listening');
    const text = log.text();
    expect(() => JSON.parse(text)).toThrow();
    expect(text).toMatch(/INFO \(test\): listening\n/);
    expect(text).toMatch(/port: 8080/);
    expect(text).not.toMatch(/\u001b\[/); // no colours for a given destination
  });

  it('redacts a password field and an Authorization header', () => {
    const log = capturePretty();
    log.logger.info({ password: 'hunter2hunter2', body: { password: 'sesame-open' } }, 'create');
    log.logger.info({ req: { headers: { authorization: 'Basic YWRtaW46c2VjcmV0' } } }, 'req');
    log.logger.info({ headers: { authorization: 'Bearer abc.def' }, user: { passwordHash: '$argon2id$x' } }, 'headers');
    const text = log.text();
    expect(text).not.toMatch(/hunter2|sesame|YWRtaW46c2VjcmV0|abc\.def|argon2id/);
    expect(text.match(/\[REDACTED\]/g)).toHaveLength(5);
  });

  it('keeps the bootstrap-admin banner, a message, whole on one line', () => {
    const log = capturePretty();
    const banner = '*** BOOTSTRAP ADMIN CREATED: username "admin", password "Xy7-secret" — shown only now ***';
    log.logger.warn(banner);
    expect(log.text()).toMatch(/^\[[\d:.]+\] WARN \(test\): \*\*\* BOOTSTRAP ADMIN CREATED: username "admin", password "Xy7-secret" — shown only now \*\*\*\n$/);
  });

  it('prints an error with its stack', () => {
    const log = capturePretty();
    log.logger.error({ err: new Error('boom') }, 'failed');
    expect(log.text()).toMatch(/ERROR \(test\): failed\n[\s\S]*Error: boom\n\s+at /);
  });
});

describe('defaultLogFormat', () => {
  it('is pretty for a terminal and JSON otherwise', () => {
    expect(defaultLogFormat({ isTTY: true })).toBe('pretty');
    expect(defaultLogFormat({ isTTY: false })).toBe('json');
    expect(defaultLogFormat({})).toBe('json');
  });
});
