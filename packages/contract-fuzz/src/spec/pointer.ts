/** JSON pointers into the bundled document, and `$ref` resolution that remembers where it landed. */

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
export type JsonObject = Record<string, unknown>;

/** Escapes one segment of a JSON pointer (RFC 6901). */
export function escapeSegment(segment: string): string {
  return segment.replaceAll('~', '~0').replaceAll('/', '~1');
}

/** Joins segments onto a pointer: `join('#/paths', '/users', 'get')`. */
export function joinPointer(base: string, ...segments: readonly (string | number)[]): string {
  return [base, ...segments.map((s) => escapeSegment(String(s)))].join('/');
}

/** Reads the value at a pointer (`#/a/b` or `/a/b`) in `root`; undefined when absent. */
export function readPointer(root: unknown, pointer: string): unknown {
  const path = pointer.startsWith('#') ? pointer.slice(1) : pointer;
  if (path === '') return root;
  let current: unknown = root;
  for (const raw of path.split('/').slice(1)) {
    const segment = decodeURIComponent(raw).replaceAll('~1', '/').replaceAll('~0', '~');
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<string, unknown>)[segment];
  }
  return current;
}

/** A value found in the document together with the pointer it was found at (after following `$ref`s). */
export interface Located<T = JsonObject> {
  readonly value: T;
  readonly pointer: string;
}

/** Follows local `$ref`s (`#/...`) until a non-ref object; throws on a remote or dangling ref. */
export function resolveRef(root: unknown, value: unknown, pointer: string): Located {
  let current = value;
  let at = pointer;
  for (let hops = 0; hops < 32; hops += 1) {
    if (current === null || typeof current !== 'object') throw new Error(`expected an object at ${at}`);
    const ref = (current as JsonObject)['$ref'];
    if (typeof ref !== 'string') return { value: current as JsonObject, pointer: at };
    if (!ref.startsWith('#')) throw new Error(`only local $refs are supported (bundle the spec): ${ref} at ${at}`);
    at = ref;
    current = readPointer(root, ref);
    if (current === undefined) throw new Error(`dangling $ref ${ref}`);
  }
  throw new Error(`$ref cycle at ${pointer}`);
}

export function isObject(value: unknown): value is JsonObject {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}
