/**
 * The stateful mock's seed: the users the specs' named examples show, derived from the bundles
 * (never copied by hand), so a fresh mock answers a list or search with the users the docs show.
 */
import type { SpecDocument } from '../mount-bundle.ts';
import { operationScenarios, type OperationScenarios } from '../scenarios.ts';

/** A user the seed creates, and where it comes from. */
export interface SeedUser {
  /** `<operationId>.<example>` of the response example that shows the user, e.g. `get_user.rudolfLingens`. */
  source: string;
  /** The id or key the example shows (the store may hand out another one: see the mock's seed report). */
  exampleId: string;
  username: string | null;
  /** Camunda `name`, Onezone `fullName`. */
  name: string;
  /** Camunda only; empty when the example has none. */
  email: string;
  /** Null: a Onezone user without password login (`basicAuthEnabled: false`). */
  password: string | null;
}

/**
 * A user's password: the one a request example shows for the same username (`jdoe` →
 * `s3cr3t-Passw0rd`, `r.lingens` → `lS1c6FD2mxB2ff`), else `<username>-Passw0rd`, a mock rule that
 * satisfies both APIs' password rules.
 */
function passwordFor(username: string, requests: readonly Record<string, unknown>[]): string {
  const shown = requests.find((body) => body.username === username && typeof body.password === 'string');
  return shown === undefined ? `${username}-Passw0rd` : String(shown.password);
}

function requestBodies(operations: readonly OperationScenarios[], operationId: string): Record<string, unknown>[] {
  const operation = operations.find((candidate) => candidate.operationId === operationId);
  return Object.values(operation?.requestExamples ?? {}).filter(isRecord);
}

/** Camunda: every user in the `searchUsers` success examples, in key order. */
export function camundaSeed(spec: SpecDocument): SeedUser[] {
  const operations = operationScenarios(spec);
  const requests = requestBodies(operations, 'createUser');
  const users = new Map<string, SeedUser & { key: number }>();
  for (const scenario of operations.find((operation) => operation.operationId === 'searchUsers')?.scenarios ?? []) {
    if (scenario.status !== 200 || !isRecord(scenario.body) || !Array.isArray(scenario.body.items)) continue;
    for (const item of scenario.body.items.filter(isRecord)) {
      const username = String(item.username);
      if (users.has(username)) continue;
      users.set(username, {
        source: `searchUsers.${scenario.example}`,
        exampleId: String(item.key),
        key: Number(item.key),
        username,
        name: typeof item.name === 'string' ? item.name : '',
        email: typeof item.email === 'string' ? item.email : '',
        password: passwordFor(username, requests),
      });
    }
  }
  return [...users.values()].sort((a, b) => a.key - b.key).map(({ key: _key, ...user }) => user);
}

/** Onezone: every user the `get_user` / `get_current_user` success examples show, in `list_users` example order. */
export function onezoneSeed(spec: SpecDocument): SeedUser[] {
  const operations = operationScenarios(spec);
  const requests = requestBodies(operations, 'create_user');
  const users = new Map<string, SeedUser>();
  for (const operationId of ['get_user', 'get_current_user']) {
    for (const scenario of operations.find((operation) => operation.operationId === operationId)?.scenarios ?? []) {
      const user = scenario.body;
      if (scenario.status !== 200 || !isRecord(user) || typeof user.userId !== 'string' || users.has(user.userId)) continue;
      const username = typeof user.username === 'string' ? user.username : null;
      users.set(user.userId, {
        source: `${operationId}.${scenario.example}`,
        exampleId: user.userId,
        username,
        name: typeof user.fullName === 'string' ? user.fullName : '',
        email: '',
        password: username !== null && user.basicAuthEnabled === true ? passwordFor(username, requests) : null,
      });
    }
  }
  const listed = operations
    .find((operation) => operation.operationId === 'list_users')
    ?.scenarios.flatMap((scenario) => (isRecord(scenario.body) && Array.isArray(scenario.body.users) ? scenario.body.users.map(String) : []));
  const order = (id: string) => (listed?.includes(id) ? listed.indexOf(id) : Number.MAX_SAFE_INTEGER);
  return [...users.values()].sort((a, b) => order(a.exampleId) - order(b.exampleId));
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
