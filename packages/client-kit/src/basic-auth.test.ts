import { describe, expect, it } from 'vitest';
import { basicAuthorization } from './basic-auth.ts';

describe('basicAuthorization', () => {
  it('encodes ASCII credentials as RFC 7617 does', () => {
    expect(basicAuthorization({ username: 'Aladdin', password: 'open sesame' })).toBe(
      'Basic QWxhZGRpbjpvcGVuIHNlc2FtZQ==',
    );
  });

  it('encodes non-Latin-1 characters as UTF-8', () => {
    const header = basicAuthorization({ username: 'zoë', password: 'пароль✓' });
    const decoded = new TextDecoder().decode(Uint8Array.from(atob(header.slice(6)), (c) => c.charCodeAt(0)));
    expect(decoded).toBe('zoë:пароль✓');
  });

  it('keeps a colon in the password', () => {
    expect(atob(basicAuthorization({ username: 'a', password: 'b:c' }).slice(6))).toBe('a:b:c');
  });
});
