/** `postgres://user:secret@host:5432/db?x` → `postgres://host:5432/db`: safe to log. */
export function redactUrl(url: string): string {
  try {
    const parsed = new URL(url);
    return `${parsed.protocol}//${parsed.host}${parsed.pathname}`;
  } catch {
    return 'postgres://(unparseable url)';
  }
}
