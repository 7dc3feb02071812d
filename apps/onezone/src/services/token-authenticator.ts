import type { UserStore } from '../stores/user-store.ts';
import type { ClientTokenVault } from '../tokens/client-token-vault.ts';
import { principalOf } from './principal.ts';
import { admit, type SignIn } from './sign-in.ts';

/**
 * Signs in with a client token (`X-Auth-Token` or `Authorization: Bearer`): the token's SHA-256 finds
 * its owner, read afresh on every request, so a removed token or user, or a block, applies at once.
 * No cache is needed: a hash and one indexed lookup cost far less than argon2id.
 */
export class TokenAuthenticator {
  readonly #store: UserStore;
  readonly #vault: ClientTokenVault;

  constructor(store: UserStore, vault: ClientTokenVault) {
    this.#store = store;
    this.#vault = vault;
  }

  async signIn(token: string): Promise<SignIn> {
    const user = await this.#store.findByTokenHash(this.#vault.hash(token));
    return user === undefined ? { ok: false, refusal: 'badToken' } : admit(principalOf(user), 'token');
  }
}
