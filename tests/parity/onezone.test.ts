/** Onezone: the parity table against the Prism mock and the real server. */
import { describe, expect, it } from 'vitest';
import { createOnezoneClient } from '@repo/onezone-client';
import { onezoneSpec } from '@repo/specs/onezone';
import { arrangeOnezone, onezoneScenarios, onezoneStateful } from './onezone-scenarios.ts';
import { paritySuite } from './parity-suite.ts';

paritySuite({
  api: 'onezone',
  client: (options) => createOnezoneClient(options),
  arrange: arrangeOnezone,
  errorOf: (body) => {
    const info = typeof body === 'object' && body !== null && 'error' in body ? body.error : undefined;
    return typeof info === 'object' && info !== null && 'id' in info ? String(info.id) : undefined;
  },
  scenarios: onezoneScenarios,
  stateful: onezoneStateful,
});

describe('the Onezone parity table', () => {
  it('has a row for every operation of the spec', () => {
    const paths = onezoneSpec['paths'] as Record<string, Record<string, { operationId?: string }>>;
    const inSpec = Object.values(paths).flatMap((item) => Object.values(item).flatMap((op) => (op.operationId === undefined ? [] : [op.operationId])));
    const covered = new Set(onezoneScenarios.map((row) => row.operation));
    expect(inSpec.filter((operationId) => !covered.has(operationId))).toEqual([]);
  });
});
