import { StoreUnavailableError } from '@repo/persistence';
import { SignInThrottledError } from '@repo/auth';

/**
 * An error that is not a bug but a refusal to serve now, as the contract runtime's `classifyError`
 * expects it (structurally its `unavailable` and `tooManyRequests` failures).
 */
export type Refusal =
  | { readonly kind: 'unavailable'; readonly retryAfterSeconds: number }
  | { readonly kind: 'tooManyRequests'; readonly retryAfterSeconds: number };

/**
 * The one place that tells a refusal from a bug: the database being unreachable
 * ({@link StoreUnavailableError}) → `unavailable` (503); sign-ins throttled
 * ({@link SignInThrottledError}) → `tooManyRequests` (429); anything else → undefined (500).
 * The service shell passes it as the runtime's `classifyError`, which its 404/500 fallbacks use too.
 */
export function refusalOf(error: unknown): Refusal | undefined {
  if (error instanceof StoreUnavailableError) return { kind: 'unavailable', retryAfterSeconds: error.retryAfterSeconds };
  if (error instanceof SignInThrottledError) return { kind: 'tooManyRequests', retryAfterSeconds: error.retryAfterSeconds };
  return undefined;
}
