import { describe, expect, it } from 'vitest';
import type { FuzzReport } from '../types.ts';
import { formatReport } from './format-report.ts';

const report: FuzzReport = {
  target: 'demo',
  seed: 42,
  requestsSent: 7,
  statuses: new Map([
    ['createUser', new Map([[202, 3], [400, 2]])],
    ['deleteUser', new Map([[404, 2]])],
  ]),
  checks: [
    { check: 'not_a_server_error', operationId: 'createUser', status: 'failed', evaluated: 5 },
    { check: 'not_a_server_error', operationId: 'deleteUser', status: 'passed', evaluated: 2 },
    { check: 'positive_data_acceptance', operationId: 'createUser', status: 'passed', evaluated: 3, excused: 1 },
    { check: 'positive_data_acceptance', operationId: 'deleteUser', status: 'not applicable', evaluated: 0, reason: 'no credentials given' },
  ],
  failures: [
    {
      check: 'not_a_server_error',
      operationId: 'createUser',
      message: 'server error 500',
      generated: { operationId: 'createUser', class: 'transport', description: 'transport: U+0000 in body /username', request: { method: 'POST', url: 'http://h/users', headers: [] } },
      response: { status: 500, headers: {}, text: '{"title":"boom"}', durationMs: 1 },
      curl: "curl -sS -i --path-as-is --globoff -X 'POST' 'http://h/users'",
    },
  ],
};

describe('formatReport', () => {
  const text = formatReport(report);
  const lines = text.split('\n');

  it('prints statuses per operation', () => {
    expect(lines.find((l) => l.startsWith('operation'))).toMatch(/^operation\s+202\s+400\s+404$/);
    expect(lines.find((l) => l.startsWith('createUser'))).toMatch(/^createUser\s+3\s+2$/);
    expect(lines.find((l) => l.startsWith('deleteUser'))).toMatch(/^deleteUser\s+2$/);
  });

  it('prints each check per operation, with excused rejections and the reason of every n/a', () => {
    expect(lines.find((l) => l.startsWith('not_a_server_error'))).toMatch(/FAILED \(5\)\s+passed \(2\)$/);
    expect(lines.find((l) => l.startsWith('positive_data_acceptance'))).toMatch(/passed \(3, 1 excused\)\s+n\/a$/);
    expect(text).toContain('positive_data_acceptance on deleteUser: no credentials given');
  });

  it('prints every failure with what was sent, what came back, its curl line, and the seed last', () => {
    expect(text).toContain('1. not_a_server_error on createUser: server error 500');
    expect(text).toContain('sent: transport: U+0000 in body /username (transport)');
    expect(text).toContain('got:  500 {"title":"boom"}');
    expect(text).toContain("curl -sS -i --path-as-is --globoff -X 'POST' 'http://h/users'");
    expect(lines.at(-1)).toBe('seed=42 (replay: FUZZ_SEED=42)');
  });
});
