import { link, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { TOKEN_KEY_BYTES } from './client-token-vault.ts';

/** The key file's name in `DATA_DIR`, used when `ONEZONE_TOKEN_KEY` is unset. */
export const TOKEN_KEY_FILE = 'onezone-token.key';

/** Where the key came from, for the start-up log. */
export type TokenKeySource = 'env' | 'file-created' | 'file';

/**
 * The client token key: `ONEZONE_TOKEN_KEY` when set (already decoded by the config), else the key
 * in `DATA_DIR/onezone-token.key`, created on the first start with mode 0600. Replicas sharing one
 * PostgreSQL database must share the key (set `ONEZONE_TOKEN_KEY` on all of them), or each lists
 * only the tokens it created itself.
 */
export async function loadTokenKey(configured: Buffer | undefined, dataDir: string): Promise<{ key: Buffer; source: TokenKeySource; file?: string }> {
  if (configured !== undefined) return { key: configured, source: 'env' };
  const file = join(dataDir, TOKEN_KEY_FILE);
  await mkdir(dataDir, { recursive: true });
  // Written whole under a temporary name, then linked into place: link fails if the file exists,
  // so of two servers starting at once on one folder one creates the key and the other reads it,
  // and neither can read a half-written file.
  const temporary = `${file}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  await writeFile(temporary, `${randomBytes(TOKEN_KEY_BYTES).toString('base64')}\n`, { flag: 'wx', mode: 0o600 });
  try {
    await link(temporary, file);
    return { key: await readKeyFile(file), source: 'file-created', file };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  } finally {
    await rm(temporary, { force: true });
  }
  return { key: await readKeyFile(file), source: 'file', file };
}

async function readKeyFile(file: string): Promise<Buffer> {
  const key = decodeTokenKey((await readFile(file, 'utf8')).trim());
  if (key === undefined) throw new Error(`${file}: not a ${TOKEN_KEY_BYTES}-byte key in base64 (or 64 hex digits)`);
  return key;
}

/** A 32-byte key from base64 (44 characters) or hex (64 digits); undefined for anything else. */
export function decodeTokenKey(text: string): Buffer | undefined {
  if (/^[0-9a-fA-F]{64}$/.test(text)) return Buffer.from(text, 'hex');
  if (/^[A-Za-z0-9+/_-]{43}=?$/.test(text)) {
    const key = Buffer.from(text, 'base64');
    return key.length === TOKEN_KEY_BYTES ? key : undefined;
  }
  return undefined;
}
