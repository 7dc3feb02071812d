import { isPromise } from 'node:util/types';
import { CredentialAuthenticator, perRecord, type CredentialAuthenticatorOptions, type PasswordHasher } from '@repo/auth';
import type { UserStore, UserWithCredentials } from '../stores/user-store.ts';
import { principalOf, type Principal } from './principal.ts';
import { admit, type SignIn } from './sign-in.ts';

const credentialsOf = perRecord((user: UserWithCredentials) => {
  const { passwordHash, ...record } = user;
  return { id: user.id, passwordHash, principal: principalOf(record) };
});

/**
 * Checks HTTP basic credentials against the Onezone users' stored argon2id hashes. The mechanism
 * (equal work for unknown users and users without a password, the cache of successes) is
 * @repo/auth's {@link CredentialAuthenticator}; this says only how an Onezone user becomes a
 * principal (without its hash).
 */
export class Authenticator extends CredentialAuthenticator<Principal> {
  constructor(store: UserStore, hasher: PasswordHasher, options: CredentialAuthenticatorOptions) {
    super(
      async (username) => {
        const user = await store.findByUsername(username);
        return user && credentialsOf(user);
      },
      hasher,
      options,
    );
  }

  /**
   * Signs in with a username and password: refused with `badBasicCredentials` unless the password
   * is right; then, only to whoever knows it, refused with `userBlocked` or `basicAuthDisabled`.
   * `address` (the client's) is for the sign-in throttle, which may throw `SignInThrottledError`.
   * Synchronous when the authenticator answers so (see `CredentialAuthenticator.authenticate`).
   */
  signIn(username: string, password: string, address?: string): SignIn | Promise<SignIn> {
    const principal = this.authenticate(username, password, address);
    return isPromise(principal) ? principal.then(signedIn) : signedIn(principal);
  }
}

function signedIn(principal: Principal | null): SignIn {
  return principal === null ? { ok: false, refusal: 'badBasicCredentials' } : admit(principal, 'password');
}
