/**
 * The Camunda stateful mock: the real server's `createApp` on an in-memory SQLite store, with the
 * bootstrap admin and the users of the spec's examples.
 */
import { bootstrapAdmin } from '@repo/auth';
import { camundaService, FIRST_USER_KEY } from '@repo/camunda-server';
import { camundaSpec } from '@repo/specs/camunda';
import type { SpecDocument } from '../mount-bundle.ts';
import type { BuiltMock, SeededUser, StatefulMockOptions } from './mock-options.ts';
import { apiFront } from './api-front.ts';
import { camundaSeed } from './seed.ts';

/** A gap between two example keys up to this size is burnt through; a larger one gives up the example's key. */
const MAX_KEYS_BURNT = 1000;

/** The server's own defaults (body limit, credential cache), as `npm start` has them. */
export const camundaDefaults = camundaService.loadConfig({});

/**
 * Builds the mock. Keys are preserved: the store hands out keys from 2^51 + 1 up, one by one, never
 * reused, and the examples use keys from the same range, so the seed creates the example users in
 * key order, giving the keys between two of them to the admin and to throw-away users it deletes
 * at once. A key the store has passed already (or a gap over {@link MAX_KEYS_BURNT}) is not
 * preserved; the seed report shows the key the user got.
 */
export async function buildCamundaMock(options: StatefulMockOptions): Promise<BuiltMock> {
  const store = await camundaService.openStore({ inMemory: true, dataDir: 'unused', fileName: 'unused' });
  try {
    const { hasher } = options;
    let next = FIRST_USER_KEY;
    let adminCreated = false;
    const createAdmin = async () => {
      await bootstrapAdmin(camundaService.adminAccounts(store), hasher, options.admin);
      adminCreated = true;
      next += 1;
    };
    const seeded: SeededUser[] = [];
    for (const user of camundaSeed(camundaSpec as SpecDocument)) {
      const wanted = Number(user.exampleId);
      if (wanted > next && wanted - next <= MAX_KEYS_BURNT) {
        if (!adminCreated) await createAdmin();
        while (next < wanted) {
          const burnt = await store.create({ username: `mock.burnt.${next}`, name: '', email: '', passwordHash: '', permissions: [] });
          await store.deleteByKey(burnt.key);
          next = burnt.key + 1;
        }
      }
      const password = user.password ?? '';
      const { key } = await store.create({ username: user.username ?? '', name: user.name, email: user.email, passwordHash: await hasher.hash(password), permissions: [] });
      next = key + 1;
      seeded.push({ source: user.source, exampleId: user.exampleId, id: String(key), username: user.username, password });
    }
    if (!adminCreated) await createAdmin();

    const { app, api } = camundaService.createApp({
      store,
      hasher,
      logger: options.logger,
      config: { ...camundaDefaults, responseValidation: 'off', corsOrigins: '*' },
    });
    const whole = (request: Request, env?: unknown) => app.fetch(request, env);
    return { fetch: apiFront(api.basePath, (request, env) => api.app.fetch(request, env), whole), seeded, close: () => store.close() };
  } catch (error) {
    await store.close();
    throw error;
  }
}
