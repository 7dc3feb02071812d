import { Argon2idPasswordHasher, type PasswordHasher } from '@repo/auth';
import { type Logger } from '@repo/config';

/** What both APIs' stateful mocks are built with. */
export interface StatefulMockOptions {
  /** The bootstrap admin, as the servers' `ADMIN_USERNAME` / `ADMIN_PASSWORD`. */
  admin: { username: string; password: string };
  logger: Logger;
  hasher: PasswordHasher;
}

/**
 * argon2id at 1 MiB and one pass. A MOCK SETTING, never for a server: the OWASP parameters the
 * servers use (19 MiB, t=2) cost ~12 ms of CPU per hash, which would make every create (and the
 * seed on each reset) slow for no benefit in a mock that holds no real password. Same code path,
 * same hash format.
 */
export function mockHasher(): PasswordHasher {
  return new Argon2idPasswordHasher({ memoryCost: 1024, timeCost: 1, parallelism: 1 });
}

/** A seeded user as the mock reports it (`GET /__mock/seed`, the start-up lines). */
export interface SeededUser {
  /** `<operationId>.<example>` of the response example that shows the user. */
  source: string;
  /** The id the example shows. */
  exampleId: string;
  /** The id the mock's store gave it: the same for Camunda (see camunda-mock.ts), a new one for Onezone. */
  id: string;
  username: string | null;
  /** Null: the user cannot log in with a password. */
  password: string | null;
}

/** One API's stateful mock, fresh: the real app on a new in-memory store, seeded. */
export interface BuiltMock {
  fetch: (request: Request, env?: unknown) => Response | Promise<Response>;
  seeded: SeededUser[];
  close(): Promise<void>;
}
