/** A username and password. */
export interface Credentials {
  username: string;
  password: string;
}

/** The bootstrap admin every test server starts with (`ADMIN_USERNAME` / `ADMIN_PASSWORD`). */
export const ADMIN: Credentials = { username: 'admin', password: 'contract-admin-Passw0rd' };
