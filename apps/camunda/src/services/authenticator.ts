import { CredentialAuthenticator, perRecord, type CredentialAuthenticatorOptions, type PasswordHasher } from '@repo/auth';
import type { UserRecord, UserStore } from '../stores/user-store.ts';
import type { Principal } from './principal.ts';

/**
 * Checks HTTP basic credentials against the Camunda users' stored argon2id hashes. The mechanism
 * (equal work for unknown users, the cache of successes) is @repo/auth's
 * {@link CredentialAuthenticator}; this says only how a Camunda user becomes a principal.
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
}

const credentialsOf = perRecord((user: UserRecord) => ({ id: user.key, passwordHash: user.passwordHash, principal: toPrincipal(user) }));

function toPrincipal(user: UserRecord): Principal {
  return { key: user.key, username: user.username, permissions: new Set(user.permissions) };
}
