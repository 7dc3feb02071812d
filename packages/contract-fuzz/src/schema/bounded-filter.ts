/**
 * `arbitrary.filter(ok)` that gives up: fast-check's filter retries forever, so a schema whose
 * generator rarely meets its own constraints would hang the run. This one throws a clear error
 * after a bounded number of tries instead, and shrinks like fast-check's filter.
 */
import fc from 'fast-check';

const maxTries = 2000;

class BoundedFilter<T> extends fc.Arbitrary<T> {
  constructor(
    private readonly inner: fc.Arbitrary<T>,
    private readonly ok: (value: T) => boolean,
    private readonly what: string,
  ) {
    super();
  }

  generate(mrng: fc.Random, biasFactor: number | undefined): fc.Value<T> {
    for (let attempt = 0; attempt < maxTries; attempt += 1) {
      const value = this.inner.generate(mrng, biasFactor);
      if (this.ok(value.value)) return value;
    }
    throw new Error(`contract-fuzz: no valid value for ${this.what} in ${maxTries} tries; its generator cannot meet the schema's constraints`);
  }

  canShrinkWithoutContext(value: unknown): value is T {
    return this.inner.canShrinkWithoutContext(value) && this.ok(value);
  }

  shrink(value: T, context: unknown): fc.Stream<fc.Value<T>> {
    return this.inner.shrink(value, context).filter((candidate) => this.ok(candidate.value));
  }
}

/** Values of `arbitrary` that pass `ok`; throws (naming `what`) rather than spinning forever. */
export function boundedFilter<T, U extends T>(arbitrary: fc.Arbitrary<T>, ok: (value: T) => value is U, what: string): fc.Arbitrary<U>;
export function boundedFilter<T>(arbitrary: fc.Arbitrary<T>, ok: (value: T) => boolean, what: string): fc.Arbitrary<T>;
export function boundedFilter<T>(arbitrary: fc.Arbitrary<T>, ok: (value: T) => boolean, what: string): fc.Arbitrary<T> {
  return new BoundedFilter(arbitrary, ok, what);
}
