/**
 * The Onezone stateful mock: the real server's `createApp` on an in-memory SQLite store, with the
 * bootstrap admin and the users of the spec's examples.
 */
import { randomBytes } from 'node:crypto';
import { bootstrapAdmin } from '@repo/auth';
import { onezoneService } from '@repo/onezone-server';
import { onezoneSpec } from '@repo/specs/onezone';
import type { SpecDocument } from '../mount-bundle.ts';
import type { BuiltMock, SeededUser, StatefulMockOptions } from './mock-options.ts';
import { apiFront } from './api-front.ts';
import { onezoneSeed } from './seed.ts';

/** The server's own defaults (body limit, credential cache), as `npm start` has them. */
export const onezoneDefaults = onezoneService.loadConfig({});

/**
 * Builds the mock. Ids are not preserved: the store generates every id (random, 32 hex digits)
 * and the port has no way to choose one, so each seeded user gets a new id; the seed report
 * (`GET /__mock/seed`, printed at start) maps the example's id to it. The admin comes first, as
 * on a server's first start, then the example users in the order of the `list_users` example.
 */
export async function buildOnezoneMock(options: StatefulMockOptions): Promise<BuiltMock> {
  const store = await onezoneService.openStore({ inMemory: true, dataDir: 'unused', fileName: 'unused' });
  try {
    const { hasher } = options;
    await bootstrapAdmin(onezoneService.adminAccounts(store), hasher, options.admin);
    const seeded: SeededUser[] = [];
    for (const user of onezoneSeed(onezoneSpec as SpecDocument)) {
      const passwordHash = user.password === null ? null : await hasher.hash(user.password);
      const created = await store.create({ username: user.username, fullName: user.name, passwordHash, privileges: [] });
      seeded.push({ source: user.source, exampleId: user.exampleId, id: created.id, username: user.username, password: user.password });
    }
    const { app, api } = onezoneService.createApp({
      store,
      hasher,
      logger: options.logger,
      // Client tokens are sealed with this key; a mock's tokens live as long as its state.
      tokenKey: randomBytes(32),
      config: { ...onezoneDefaults, responseValidation: 'off', corsOrigins: '*' },
    });
    const whole = (request: Request, env?: unknown) => app.fetch(request, env);
    return { fetch: apiFront(api.basePath, (request, env) => api.app.fetch(request, env), whole), seeded, close: () => store.close() };
  } catch (error) {
    await store.close();
    throw error;
  }
}
