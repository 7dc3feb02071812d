/** Following `$ref`s inside a bundled spec, for code that walks the specs (mocks, MSW handlers). */

type Json = Record<string, unknown>;

/**
 * `value` with internal `$ref`s (`#/components/...`) followed — the bundles hold no other kind —
 * or `{}` for anything that is not an object, so walkers can chain lookups without checks.
 */
export function deref(spec: unknown, value: unknown): Json {
  let current = value;
  for (let hops = 0; isObject(current) && typeof current.$ref === 'string' && hops < 20; hops++) {
    const ref: string = current.$ref;
    if (!ref.startsWith('#/')) throw new Error(`Only internal $refs are supported, got ${ref}`);
    current = ref
      .slice(2)
      .split('/')
      .map((segment) => segment.replace(/~1/g, '/').replace(/~0/g, '~'))
      .reduce<unknown>((node, key) => (isObject(node) ? node[key] : undefined), spec);
  }
  return isObject(current) ? current : {};
}

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
