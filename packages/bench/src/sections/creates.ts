/**
 * Create throughput of the built servers against the raw argon2id hash rate with the servers'
 * parameters: a create costs one hash, so the raw rate is the ceiling.
 */
import { rawHashRate } from '../raw-hash-rate.ts';
import type { BenchContext } from '../bench-context.ts';
import { ADMIN_AUTHORIZATION, BASE_PATH, type ApiPorts } from '../launches.ts';
import { measure, type Measurement } from '../load.ts';
import type { RunningServer } from '../server-process.ts';

/** One API's create figures. */
export interface CreateResult {
  api: keyof typeof BASE_PATH;
  operation: string;
  measurement: Measurement;
  /** Raw hashes per second, measured right before and right after the creates (the machine drifts). */
  rawBefore: number;
  rawAfter: number;
}

/** Runs while the servers are up and idle: the raw hashing gets the server core to itself. */
export async function createsAgainstRawHashing(context: BenchContext, ports: ApiPorts, servers: Record<keyof typeof BASE_PATH, RunningServer>): Promise<CreateResult[]> {
  const { connections, seconds } = context.createShape;
  const raw = () => rawHashRate(context.serverCore, connections, seconds);
  const results: CreateResult[] = [];
  let n = 0;
  const password = 'bench-user-Passw0rd';
  const bodies = {
    camunda: () => JSON.stringify({ username: `create${n++}`, password }),
    onezone: () => JSON.stringify({ username: `create${n++}`, fullName: 'Bench User', password }),
  };
  const operations = { camunda: 'createUser', onezone: 'create_user' };
  for (const api of ['camunda', 'onezone'] as const) {
    const rawBefore = raw();
    const measurement = await measure(
      servers[api],
      {
        method: 'POST',
        url: `http://127.0.0.1:${ports[api]}${BASE_PATH[api]}/users`,
        headers: { authorization: ADMIN_AUTHORIZATION, 'content-type': 'application/json' },
        nextBody: bodies[api],
      },
      context.createShape,
    );
    const rawAfter = raw();
    if (measurement.failed > 0) context.warnings.push(`${operations[api]}: ${measurement.failed} of ${measurement.requests} requests failed (${measurement.statuses})`);
    results.push({ api, operation: operations[api], measurement, rawBefore, rawAfter });
  }
  return results;
}
