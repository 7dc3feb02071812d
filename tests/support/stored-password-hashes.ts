import { openServerDatabase, type StoreLocation } from './break-store.ts';

/** Each user's stored password hash by username, read from the server's own database on a second connection. */
export async function storedPasswordHashes(location: StoreLocation): Promise<Record<string, string | null>> {
  const database = await openServerDatabase(location);
  try {
    const rows: { username: string; password_hash: string | null }[] = await database.db.selectFrom('users').select(['username', 'password_hash']).execute();
    return Object.fromEntries(rows.map((row) => [row.username, row.password_hash]));
  } finally {
    await database.close();
  }
}
