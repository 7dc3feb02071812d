/**
 * Text hygiene: the one rule the runtime applies to every string a request carries (JSON values
 * and property names at any depth, path and query parameters), before any schema or handler sees
 * it. No API of ours stores or looks up U+0000 (PostgreSQL cannot hold it in `text`, SQLite's C
 * API truncates at it) or an unpaired UTF-16 surrogate (not a Unicode scalar value: it cannot be
 * encoded as UTF-8), and a percent-encoding that does not decode to UTF-8 does not say which text
 * was meant. Refusing them here makes the answer a 400 in the API's format, the same on every store.
 */
import { escapePointerSegment, type ValidationIssue } from './issues.ts';

/** Keyword of an issue about a string value or parameter (the runtime's rule, not JSON Schema's). */
export const TEXT_HYGIENE_KEYWORD = 'textHygiene';
/** Keyword of an issue about a JSON property name; it points at the object holding the property. */
export const PROPERTY_NAME_HYGIENE_KEYWORD = 'propertyNameHygiene';

/** What is wrong with a piece of text. */
export type TextProblem = 'nul' | 'unpairedSurrogate' | 'percentEncoding';

const what: Readonly<Record<TextProblem, string>> = {
  nul: 'U+0000 (NUL)',
  unpairedSurrogate: 'an unpaired UTF-16 surrogate',
  percentEncoding: 'a percent-encoding that is not UTF-8',
};

/** Most issues one request reports: enough to name the fields, bounded for a body full of them. */
const MAX_ISSUES = 10;

/** In `u` mode a surrogate pair is one code point; only an unpaired surrogate is category Cs. */
const unpairedSurrogate = /\p{Cs}/u;

/** `nul` or `unpairedSurrogate` when `text` holds one, else undefined. */
export function textProblem(text: string): TextProblem | undefined {
  if (text.includes('\0')) return 'nul';
  return unpairedSurrogate.test(text) ? 'unpairedSurrogate' : undefined;
}

function pointerField(pointer: string): string {
  if (pointer === '') return '';
  const segments = pointer.slice(1).split('/');
  const unescaped = pointer.includes('~') ? segments.map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~')) : segments;
  return unescaped.join('.');
}

/** The issue for `problem` at `pointer`; `propertyName` when a property name, not a value, is at fault. */
export function textIssue(pointer: string, problem: TextProblem, propertyName = false): ValidationIssue {
  return {
    pointer,
    field: pointerField(pointer),
    keyword: propertyName ? PROPERTY_NAME_HYGIENE_KEYWORD : TEXT_HYGIENE_KEYWORD,
    params: { problem },
    message: propertyName ? `must not have a property name containing ${what[problem]}` : `must not contain ${what[problem]}`,
    received: propertyName ? 'object' : 'string',
  };
}

/**
 * JSON text in which no string can hold U+0000 or a lone surrogate: neither may appear raw in
 * valid JSON decoded from valid UTF-8, so only `\u0000` and `\uD800`–`\uDFFF` escapes can make
 * one. A match may be a false alarm (`"\\u0000"` is a backslash and `u0000`); the walk decides.
 */
const suspiciousEscape = /\\u(?:0000|[dD][89a-fA-F])/;

/**
 * Issues of a parsed JSON body. `text` is the JSON it was parsed from: without a suspicious escape
 * in it there is nothing to look for, so a clean body costs one scan. The walk uses an explicit
 * stack: a deeply nested document cannot overflow the call stack.
 */
export function jsonTextIssues(text: string, value: unknown): ValidationIssue[] {
  // Most bodies hold no `\u` at all, and a substring search rules that out for a fraction of
  // what the expression costs.
  if (!text.includes('\\u') || !suspiciousEscape.test(text)) return [];
  const issues: ValidationIssue[] = [];
  // [value, pointer] to look at, or [problem, pointer of the object] for a property name at fault:
  // kept on the stack too, so that issues come out in document order.
  const stack: [unknown, string, TextProblem?][] = [[value, '']];
  while (stack.length > 0 && issues.length < MAX_ISSUES) {
    const [current, pointer, nameProblem] = stack.pop()!;
    if (nameProblem !== undefined) {
      issues.push(textIssue(pointer, nameProblem, true));
    } else if (typeof current === 'string') {
      const problem = textProblem(current);
      if (problem !== undefined) issues.push(textIssue(pointer, problem));
    } else if (Array.isArray(current)) {
      for (let i = current.length - 1; i >= 0; i--) stack.push([current[i], `${pointer}/${i}`]);
    } else if (current !== null && typeof current === 'object') {
      const entries = Object.entries(current);
      for (let i = entries.length - 1; i >= 0; i--) {
        const [key, child] = entries[i]!;
        const problem = textProblem(key);
        // The name itself is never put in a pointer: it would carry the character back out.
        stack.push(problem === undefined ? [child, `${pointer}/${escapePointerSegment(key)}`] : [undefined, pointer, problem]);
      }
    }
  }
  return issues.slice(0, MAX_ISSUES);
}

/** Issues of parameter values after decoding (strings, or arrays of strings for repeated ones). */
export function parameterTextIssues(values: Readonly<Record<string, unknown>>): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  for (const name in values) {
    const value = values[name];
    const problem = typeof value === 'string' ? textProblem(value) : Array.isArray(value) ? firstTextProblem(value) : undefined;
    if (problem !== undefined) issues.push(textIssue(`/${escapePointerSegment(name)}`, problem));
  }
  return issues;
}

/** The problem of the first string item that has one (a repeated parameter's values). */
function firstTextProblem(items: readonly unknown[]): TextProblem | undefined {
  for (const item of items) {
    const problem = typeof item === 'string' ? textProblem(item) : undefined;
    if (problem !== undefined) return problem;
  }
  return undefined;
}

/** Whether `raw` (a path segment or a query component) decodes as percent-encoded UTF-8. */
export function decodesAsUtf8(raw: string): boolean {
  if (!raw.includes('%')) return true;
  try {
    decodeURIComponent(raw);
    return true;
  } catch {
    return false;
  }
}

/** The path of a request URL as sent (still percent-encoded), and its query string without `?`. */
export function rawPathAndQuery(url: string): { path: string; query: string } {
  const authority = url.indexOf('://');
  const start = url.indexOf('/', authority === -1 ? 0 : authority + 3);
  if (start === -1) return { path: '/', query: '' };
  const question = url.indexOf('?', start);
  return question === -1 ? { path: url.slice(start), query: '' } : { path: url.slice(start, question), query: url.slice(question + 1) };
}

/**
 * Issues for path segments that do not decode (`%E0%A4%A`, `%ZZ`, a lone `%`): Hono leaves such
 * a segment undecoded, so the handler would get another value than the client meant. The raw
 * path and the operation's path template are aligned from the end (the base path is literal).
 */
export function pathEncodingIssues(rawPath: string, template: string): ValidationIssue[] {
  if (!rawPath.includes('%')) return [];
  const raw = rawPath.split('/');
  const segments = template.split('/');
  const offset = raw.length - segments.length;
  const issues: ValidationIssue[] = [];
  raw.forEach((segment, i) => {
    if (decodesAsUtf8(segment)) return;
    const name = /^\{(.+)\}$/.exec(segments[i - offset] ?? '')?.[1];
    issues.push(textIssue(name === undefined ? '' : `/${escapePointerSegment(name)}`, 'percentEncoding'));
  });
  return issues;
}

/** Issues for the declared query parameters whose raw value does not decode. */
export function queryEncodingIssues(rawQuery: string, declared: (name: string) => boolean): ValidationIssue[] {
  if (!rawQuery.includes('%')) return [];
  const issues: ValidationIssue[] = [];
  for (const pair of rawQuery.split('&')) {
    if (decodesAsUtf8(pair)) continue;
    const eq = pair.indexOf('=');
    const rawName = (eq === -1 ? pair : pair.slice(0, eq)).replace(/\+/g, ' ');
    // Only declared parameters: a name that does not decode names none of them, and unknown
    // parameters are ignored whatever they hold.
    if (decodesAsUtf8(rawName) && declared(decodeURIComponent(rawName))) {
      issues.push(textIssue(`/${escapePointerSegment(decodeURIComponent(rawName))}`, 'percentEncoding'));
    }
  }
  return issues;
}
