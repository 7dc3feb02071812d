import { isPromise } from 'node:util/types';
import type { Context } from 'hono';
import { apiKey, basic, bearer, type SecurityVerifiers } from '@repo/hono-openapi';
import { clientAddress } from '@repo/http';
import type { Authenticator } from './services/authenticator.ts';
import type { Principal } from './services/principal.ts';
import type { SignIn, SignInRefusal } from './services/sign-in.ts';
import type { TokenAuthenticator } from './services/token-authenticator.ts';

/** The `WWW-Authenticate` realm: `Basic realm="onezone"`. */
export const REALM = 'onezone';

/** The challenge of a 401 a handler answers itself (a wrong `oldPassword`). */
export const REALM_CHALLENGE = `Basic realm="${REALM}", charset="UTF-8"`;

/**
 * Why a request's credentials were refused, for the 401's `authError`. The runtime only learns
 * that a verifier said no; the error mapper reads the reason here. Keyed by the request's context,
 * so it goes with the request.
 */
const refusals = new WeakMap<Context, SignInRefusal>();

/** The reason recorded for this request's refused credentials (the first, when several were sent). */
export function refusalOf(c: Context): SignInRefusal | undefined {
  return refusals.get(c);
}

function verdict(c: Context, signIn: SignIn): Principal | null {
  if (signIn.ok) return signIn.principal;
  if (!refusals.has(c)) refusals.set(c, signIn.refusal);
  return null;
}

/**
 * The verifiers of the spec's three security schemes: `basicAuth` (username and password),
 * `tokenAuth` (`X-Auth-Token`) and `bearerAuth` (`Authorization: Bearer`), the last two the same
 * client tokens. `trustProxyHops`: see `clientAddress`.
 */
export function securityVerifiers(passwords: Authenticator, tokens: TokenAuthenticator, trustProxyHops = 0): SecurityVerifiers<Principal> {
  const byToken = async (token: string, c: Context) => verdict(c, await tokens.signIn(token));
  return {
    // The client's address is for the sign-in throttle (failed passwords per username and address).
    basicAuth: basic<Principal>(({ username, password }, c) => {
      const signIn = passwords.signIn(username, password, clientAddress(c, trustProxyHops));
      return isPromise(signIn) ? signIn.then((settled) => verdict(c, settled)) : verdict(c, signIn);
    }),
    tokenAuth: apiKey<Principal>(byToken),
    bearerAuth: bearer<Principal>(byToken),
  };
}
