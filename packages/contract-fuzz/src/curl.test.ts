import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { bashQuote, toCurl } from './curl.ts';

/** What bash makes of a quoted word: its bytes, via printf. */
function bashBytes(quoted: string): Buffer {
  return execFileSync('bash', ['-c', `printf %s ${quoted}`]);
}

describe('bashQuote', () => {
  it.each([
    ['plain ASCII', 'hello world'],
    ['quotes and shell syntax', `it's "$HOME" \`id\` $(id) ; | & * ? ~ \\`],
    ['non-ASCII and astral', 'Zoë 𠀀 😀 עברית'],
    ['controls', 'a\u0001b\u001fc\td\ne\u007f'],
    ['RTL override and combining marks', '\u202eevil e\u0301'],
  ])('round-trips %s through bash byte for byte', (_label, text) => {
    expect(bashBytes(bashQuote(text)).equals(Buffer.from(text, 'utf8'))).toBe(true);
  });

  it('round-trips invalid UTF-8 bytes as $-escapes', () => {
    const bytes = Uint8Array.from([0x7b, 0xff, 0xe0, 0xa4, 0xc0, 0xaf, 0x27, 0x7d]);
    const quoted = bashQuote(bytes);
    expect(quoted).toContain("$'\\xff\\xe0\\xa4\\xc0\\xaf'");
    expect(bashBytes(quoted).equals(Buffer.from(bytes))).toBe(true);
  });
});

describe('toCurl', () => {
  it('keeps the raw path, the Host header and every header in order', () => {
    const line = toCurl({
      method: 'DELETE',
      url: 'http://127.0.0.1:8080/v2/users/%E0%A4%A',
      headers: [
        ['host', '[2001:db8::1]:8443'],
        ['authorization', 'Basic YWRtaW46eA=='],
      ],
    });
    expect(line).toBe(
      "curl -sS -i --path-as-is --globoff -X 'DELETE' -H 'host: [2001:db8::1]:8443' -H 'authorization: Basic YWRtaW46eA==' 'http://127.0.0.1:8080/v2/users/%E0%A4%A'",
    );
  });

  it('sends an empty header value as `Name;` and suppresses curl\'s default content type', () => {
    const line = toCurl({ method: 'POST', url: 'http://h/x', headers: [['host', '']], body: new TextEncoder().encode('{}') });
    expect(line).toContain("-H 'host;'");
    expect(line).toContain("-H 'Content-Type:'");
    expect(line).toContain("--data-binary '{}'");
  });

  it('pipes a body holding a NUL byte through printf, byte for byte', () => {
    const body = Uint8Array.from([...Buffer.from('{"name":"a'), 0x00, 0xff, ...Buffer.from('\\"\'"}')]);
    const line = toCurl({ method: 'POST', url: 'http://h/x', headers: [['content-type', 'application/json']], body });
    expect(line).toMatch(/^printf '%b' '.*' \| curl .* --data-binary @- 'http:\/\/h\/x'$/);
    const printf = line.slice(0, line.indexOf(' | curl'));
    expect(execFileSync('bash', ['-c', printf]).equals(Buffer.from(body))).toBe(true);
  });
});
