import { describe, expect, it } from 'vitest';
import { redactUrl } from './redact-url.ts';

describe('redactUrl', () => {
  it('drops the credentials and the query', () => {
    expect(redactUrl('postgres://u:secret@db:5432/app?sslmode=require')).toBe('postgres://db:5432/app');
  });

  it('says so instead of echoing a URL it cannot parse', () => {
    expect(redactUrl('postgres://u:secret@[bad')).toBe('postgres://(unparseable url)');
  });
});
