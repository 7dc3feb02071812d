/** A `curl` command line that sends a {@link RawRequest} byte for byte. */
import type { RawRequest } from './types.ts';

/**
 * Quotes a string or bytes for bash: printable ASCII in single quotes, everything else (controls,
 * non-ASCII, invalid UTF-8) as `$'\xHH'` escapes, so the command survives copy and paste.
 */
export function bashQuote(value: string | Uint8Array): string {
  const bytes = typeof value === 'string' ? new TextEncoder().encode(value) : value;
  if (bytes.length === 0) return "''";
  let out = '';
  let plain = '';
  let escaped = '';
  const flushPlain = (): void => {
    if (plain !== '') out += `'${plain.replaceAll("'", `'\\''`)}'`;
    plain = '';
  };
  const flushEscaped = (): void => {
    if (escaped !== '') out += `$'${escaped}'`;
    escaped = '';
  };
  for (const byte of bytes) {
    if (byte >= 0x20 && byte <= 0x7e) {
      flushEscaped();
      plain += String.fromCharCode(byte);
    } else {
      flushPlain();
      escaped += `\\x${byte.toString(16).padStart(2, '0')}`;
    }
  }
  flushPlain();
  flushEscaped();
  return out;
}

/**
 * The `curl` line for a request: method, raw path (`--path-as-is`, no globbing), every header in
 * order (a `Host` header kept as sent; an empty header value written `Name;`), body bytes from a
 * `$'…'` literal via `--data-binary @-` when it holds a NUL (a shell argument cannot), else inline.
 */
export function toCurl(request: RawRequest): string {
  const parts = ['curl', '-sS', '-i', '--path-as-is', '--globoff', '-X', bashQuote(request.method)];
  const names = new Set(request.headers.map(([name]) => name.toLowerCase()));
  for (const [name, value] of request.headers) {
    parts.push('-H', bashQuote(value === '' ? `${name};` : `${name}: ${value}`));
  }
  const body = request.body;
  if (body !== undefined) {
    // curl adds `Content-Type: application/x-www-form-urlencoded` to --data unless told otherwise.
    if (!names.has('content-type')) parts.push('-H', bashQuote('Content-Type:'));
    const hasNul = body.includes(0);
    if (hasNul) {
      // A shell word cannot hold a NUL byte: pipe the body through bash's printf instead.
      parts.push('--data-binary', '@-', bashQuote(request.url));
      return `printf '%b' ${printfEscaped(body)} | ${parts.join(' ')}`;
    }
    parts.push('--data-binary', bashQuote(body));
  }
  parts.push(bashQuote(request.url));
  return parts.join(' ');
}

/** Bytes as a printf `%b` argument: every byte `\xHH` except safe printable ASCII. */
function printfEscaped(bytes: Uint8Array): string {
  let out = '';
  for (const byte of bytes) {
    const ch = String.fromCharCode(byte);
    out += /[A-Za-z0-9 .,:;_{}\[\]"=+@#-]/.test(ch) ? ch : `\\x${byte.toString(16).padStart(2, '0')}`;
  }
  return `'${out}'`;
}
