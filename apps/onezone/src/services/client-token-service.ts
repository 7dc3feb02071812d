import type { UserStore } from '../stores/user-store.ts';
import type { ClientTokenVault } from '../tokens/client-token-vault.ts';
import type { Outcome } from './user-service.ts';

/** A user's client tokens: issued by the vault, kept by the store only as hash and sealed copy. */
export class ClientTokenService {
  readonly #store: UserStore;
  readonly #vault: ClientTokenVault;

  constructor(store: UserStore, vault: ClientTokenVault) {
    this.#store = store;
    this.#vault = vault;
  }

  /** A new token of the user; `notFound` when the user was removed meanwhile. */
  async create(userId: string): Promise<Outcome<string, 'notFound'>> {
    const { token, stored } = this.#vault.issue(userId);
    return (await this.#store.addClientToken(userId, stored)) ? { ok: true, value: token } : { ok: false, reason: 'notFound' };
  }

  /**
   * The user's tokens, oldest first. A token sealed under another key (the key was changed or
   * lost) cannot be shown and is left out; it still authenticates until removed.
   */
  async list(userId: string): Promise<string[]> {
    const tokens: string[] = [];
    for (const stored of await this.#store.listClientTokens(userId)) {
      const token = this.#vault.open(userId, stored);
      if (token !== undefined) tokens.push(token);
    }
    return tokens;
  }

  /** Removes one of the user's tokens; `notFound` when it is not one of theirs. */
  async remove(userId: string, token: string): Promise<Outcome<undefined, 'notFound'>> {
    return (await this.#store.removeClientToken(userId, this.#vault.hash(token))) ? { ok: true, value: undefined } : { ok: false, reason: 'notFound' };
  }
}
