/**
 * Data survives the process: create users, SIGTERM the server (exit code 0), start a new process
 * on the same DATA_DIR, and the users are there, passwords included. The steps of each API's
 * suite run in order on one data folder. Camunda's restart also changes the argon2id cost, from the
 * suites' cheap one to the servers' default, as an operator raising `PASSWORD_HASH_*` would.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCamundaClient } from '@repo/camunda-client';
import { createdUserId, createOnezoneClient } from '@repo/onezone-client';
import { camundaSpec } from '@repo/specs/camunda';
import { onezoneSpec } from '@repo/specs/onezone';
import { ADMIN } from '../support/admin.ts';
import { checkedFetch, failOnViolations } from '@repo/test-kit';
import type { RunningServer } from '../support/start-server.ts';
import { startOnStore, type ServerOnStore } from '../support/stores.ts';
import { storedPasswordHashes } from '../support/stored-password-hashes.ts';

const camundaFetch = checkedFetch(camundaSpec);
const onezoneFetch = checkedFetch(onezoneSpec);
failOnViolations(camundaFetch);
failOnViolations(onezoneFetch);

const PLAIN = { username: 'survivor', password: 'survivor-Passw0rd' };

describe('Camunda server restarted on the same DATA_DIR', () => {
  let started: ServerOnStore;
  let again: RunningServer;
  let key: number;
  const client = (server: RunningServer, auth = ADMIN) => createCamundaClient({ baseUrl: server.baseUrl, auth, fetch: camundaFetch });

  beforeAll(async () => {
    started = await startOnStore('camunda', { name: 'sqlite', available: true });
    const { data } = await client(started.server).POST('/users', { body: { ...PLAIN, name: 'Sur Vivor', email: 'survivor@example.com' } });
    key = data!.userKey;
  });
  afterAll(() => started?.dispose());

  it('exits with code 0 on SIGTERM', async () => {
    await started.server.stop();
  });

  it('finds the users created before the restart, under the same keys', async () => {
    again = await started.restart({ passwordHash: 'default' });
    const { data } = await client(again).POST('/users/search', { body: { filter: { username: PLAIN.username } } });
    expect(data!.items).toEqual([{ key, username: PLAIN.username, name: 'Sur Vivor', email: 'survivor@example.com' }]);
  });

  it('accepts the passwords set before the restart, hashed at the cost of that start', async () => {
    // Authenticated, not 401; without user management, so 403.
    const { response } = await client(again, PLAIN).POST('/users/search', { body: {} });
    expect(response.status).toBe(403);
    expect((await storedPasswordHashes({ api: 'camunda', dataDir: again.dataDir }))[PLAIN.username]).toMatch(/^\$argon2id\$v=19\$m=1024,t=1,p=1\$/);
  });

  it('gives a new user a key not taken before the restart, and a hash at the new cost', async () => {
    const { data } = await client(again).POST('/users', { body: { username: 'after.restart', password: 'after-Passw0rd' } });
    expect(data!.userKey).toBeGreaterThan(key);
    expect((await storedPasswordHashes({ api: 'camunda', dataDir: again.dataDir }))['after.restart']).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    const { response } = await client(again, { username: 'after.restart', password: 'after-Passw0rd' }).POST('/users/search', { body: {} });
    expect(response.status).toBe(403);
  });
});

describe('Onezone server restarted on the same DATA_DIR', () => {
  let started: ServerOnStore;
  let again: RunningServer;
  let id: string;
  let before: unknown;
  let token: string;
  const client = (server: RunningServer, auth = ADMIN) => createOnezoneClient({ baseUrl: server.baseUrl, auth, fetch: onezoneFetch });

  beforeAll(async () => {
    started = await startOnStore('onezone', { name: 'sqlite', available: true });
    id = createdUserId(await client(started.server).POST('/users', { body: { ...PLAIN, fullName: 'Sur Vivor' } }));
    before = (await client(started.server).GET('/users/{id}', { params: { path: { id } } })).data;
    token = (await client(started.server, PLAIN).POST('/user/client_tokens', { body: {} })).data!.token;
  });
  afterAll(() => started?.dispose());

  it('exits with code 0 on SIGTERM', async () => {
    await started.server.stop();
  });

  it('serves the users created before the restart, unchanged', async () => {
    again = await started.restart();
    const { data } = await client(again).GET('/users/{id}', { params: { path: { id } } });
    expect(data).toEqual(before);
    expect((await client(again).GET('/users')).data!.users).toContain(id);
  });

  it('accepts the passwords set before the restart', async () => {
    const { data } = await client(again, PLAIN).GET('/user');
    expect(data!.userId).toBe(id);
  });

  it('accepts, and lists, the client tokens created before the restart (the key file in DATA_DIR is reused)', async () => {
    const byToken = createOnezoneClient({ baseUrl: again.baseUrl, token, fetch: onezoneFetch });
    expect((await byToken.GET('/user')).data!.userId).toBe(id);
    expect((await byToken.GET('/user/client_tokens')).data).toEqual({ tokens: [token] });
  });
});
