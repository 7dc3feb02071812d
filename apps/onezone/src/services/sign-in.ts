import type { Principal } from './principal.ts';

/** Why credentials that were presented sign nobody in; each is an auth error id of upstream Onezone. */
export type SignInRefusal = 'badBasicCredentials' | 'basicAuthDisabled' | 'userBlocked' | 'badToken';

/** The outcome of presenting credentials. */
export type SignIn = { ok: true; principal: Principal } | { ok: false; refusal: SignInRefusal };

/**
 * Whether an authenticated user may use the system by this means: a blocked user not at all (as
 * upstream: no password, no token), a user with basic auth disabled not with a password. Checked on
 * every request from the freshly read user, so a block or a disabled login applies at once.
 */
export function admit(principal: Principal, by: 'password' | 'token'): SignIn {
  if (principal.user.blocked) return { ok: false, refusal: 'userBlocked' };
  if (by === 'password' && !principal.user.basicAuthEnabled) return { ok: false, refusal: 'basicAuthDisabled' };
  return { ok: true, principal };
}
