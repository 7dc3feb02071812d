/** Sign-ins from this client are throttled; it may try again after `retryAfterSeconds`. */
export class SignInThrottledError extends Error {
  override name = 'SignInThrottledError';
  constructor(readonly retryAfterSeconds: number) {
    super(`too many failed sign-ins; retry after ${retryAfterSeconds} s`);
  }
}
