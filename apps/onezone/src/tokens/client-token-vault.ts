import { createCipheriv, createDecipheriv, hash, randomBytes } from 'node:crypto';
import type { StoredClientToken } from '../stores/user-store.ts';

/** Marks our tokens (and their format's version), so a token is recognisable in a log or a leak scan. */
export const CLIENT_TOKEN_PREFIX = 'oz1.';
/** AES-256-GCM: 32-byte key, 12-byte nonce, 16-byte tag. */
export const TOKEN_KEY_BYTES = 32;
const NONCE_BYTES = 12;
const SEAL_VERSION = 'v1';
/** Opened tokens remembered (oldest dropped first). */
const OPENED_TOKENS_KEPT = 10_000;

/**
 * How client tokens are made and kept, so that a copy of the database alone yields no usable token:
 *
 * - a token is `oz1.` + 32 random bytes (base64url): 256 bits, so a plain SHA-256 of it cannot be
 *   reversed or guessed, and it is by that hash that a presented token is found;
 * - `list_client_tokens` must return the tokens themselves, so each is also stored sealed with
 *   AES-256-GCM under the server's token key, which is never in the database; the user id and the
 *   hash are the additional data, so a sealed token moved to another row or user does not open.
 *
 * Authentication needs only the hash: with a lost or changed key, tokens keep working, only
 * listing them no longer can.
 */
export class ClientTokenVault {
  readonly #key: Buffer;
  /**
   * Tokens opened lately, by user, hash and sealed text: opening is a pure function of those and
   * the key, and costs an AES-GCM decryption and a SHA-256 per token on every listing. Holding
   * them here reveals nothing the key beside them would not.
   */
  readonly #opened = new Map<string, string>();
  /**
   * The same, by row object: a store that remembers its reads (SQLite's) hands out the same frozen
   * row until the data changes, and looking it up by identity spares building and hashing the long
   * text key on every listing (~4 % of a served `list_client_tokens`, 2026-11-28).
   */
  readonly #openedRows = new WeakMap<StoredClientToken, { readonly userId: string; readonly token: string }>();

  constructor(key: Uint8Array) {
    if (key.length !== TOKEN_KEY_BYTES) throw new Error(`client token key: need ${TOKEN_KEY_BYTES} bytes, got ${key.length}`);
    this.#key = Buffer.from(key);
  }

  /** A new token of `userId`, and what the store keeps of it. */
  issue(userId: string): { token: string; stored: StoredClientToken } {
    const token = `${CLIENT_TOKEN_PREFIX}${randomBytes(32).toString('base64url')}`;
    const tokenHash = this.hash(token);
    return { token, stored: { tokenHash, sealed: this.#seal(token, additionalData(userId, tokenHash)) } };
  }

  /** The lookup key of a presented token: SHA-256, hex. */
  hash(token: string): string {
    return hash('sha256', token, 'hex');
  }

  /** The token a stored row holds, or undefined when it does not open under this key (key changed, row tampered). */
  open(userId: string, stored: StoredClientToken): string | undefined {
    const row = this.#openedRows.get(stored);
    if (row !== undefined && row.userId === userId) return row.token;
    const cacheKey = `${userId}\0${stored.tokenHash}\0${stored.sealed}`;
    let token = this.#opened.get(cacheKey);
    if (token === undefined) {
      token = this.#open(userId, stored);
      if (token === undefined) return undefined;
      if (this.#opened.size >= OPENED_TOKENS_KEPT) this.#opened.delete(this.#opened.keys().next().value!);
      this.#opened.set(cacheKey, token);
    }
    // Only a frozen row can be handed out again unchanged; a fresh one (PostgreSQL) is not kept.
    if (Object.isFrozen(stored)) this.#openedRows.set(stored, { userId, token });
    return token;
  }

  #open(userId: string, stored: StoredClientToken): string | undefined {
    const [version, nonce, ciphertext, tag] = stored.sealed.split('.');
    if (version !== SEAL_VERSION || nonce === undefined || ciphertext === undefined || tag === undefined) return undefined;
    try {
      const decipher = createDecipheriv('aes-256-gcm', this.#key, Buffer.from(nonce, 'base64url'));
      decipher.setAAD(additionalData(userId, stored.tokenHash));
      decipher.setAuthTag(Buffer.from(tag, 'base64url'));
      const token = Buffer.concat([decipher.update(Buffer.from(ciphertext, 'base64url')), decipher.final()]).toString('utf8');
      return this.hash(token) === stored.tokenHash ? token : undefined;
    } catch {
      return undefined;
    }
  }

  #seal(token: string, aad: Buffer): string {
    const nonce = randomBytes(NONCE_BYTES);
    const cipher = createCipheriv('aes-256-gcm', this.#key, nonce);
    cipher.setAAD(aad);
    const ciphertext = Buffer.concat([cipher.update(token, 'utf8'), cipher.final()]);
    return [SEAL_VERSION, nonce.toString('base64url'), ciphertext.toString('base64url'), cipher.getAuthTag().toString('base64url')].join('.');
  }
}

function additionalData(userId: string, tokenHash: string): Buffer {
  return Buffer.from(`${userId}\0${tokenHash}`, 'utf8');
}
