/**
 * Local `$ref` resolution inside the bundled document. Only `#/...` references exist in a bundle
 * (redocly bundles external files into components), so nothing is fetched.
 */
import { escapePointerSegment } from '../issues.ts';

/** A value of the document together with the JSON pointer it was found at. */
export interface Located<T> {
  readonly value: T;
  readonly pointer: string;
}

/** Builds a pointer from raw segments: `pointerOf('paths', '/users', 'post')` → `/paths/~1users/post`. */
export function pointerOf(...segments: readonly string[]): string {
  return segments.map((s) => `/${escapePointerSegment(s)}`).join('');
}

function get(root: unknown, pointer: string): unknown {
  let value = root;
  for (const raw of pointer.split('/').slice(1)) {
    const segment = decodeURIComponent(raw).replace(/~1/g, '/').replace(/~0/g, '~');
    if (value === null || typeof value !== 'object' || !Object.hasOwn(value, segment)) {
      throw new Error(`OpenAPI: $ref target #${pointer} does not exist`);
    }
    value = (value as Record<string, unknown>)[segment];
  }
  return value;
}

/**
 * Follows `$ref` chains until a non-reference object, returning it and its pointer, so validators
 * can be compiled by reference instead of copying schemas.
 */
export function deref<T>(root: unknown, located: Located<unknown>): Located<T> {
  let { value, pointer } = located;
  for (let hops = 0; hops < 32; hops += 1) {
    if (value === null || typeof value !== 'object' || !('$ref' in value)) return { value: value as T, pointer };
    const ref = (value as { $ref: unknown }).$ref;
    if (typeof ref !== 'string' || !ref.startsWith('#')) {
      throw new Error(`OpenAPI: only local $refs are supported in a bundled spec, got ${String(ref)}`);
    }
    pointer = ref.slice(1);
    value = get(root, pointer);
  }
  throw new Error(`OpenAPI: $ref cycle at #${pointer}`);
}
