import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { driftCoverage, parseDriftCoverage } from './drift-coverage.ts';
import { har, harEntry, PETS_SPEC } from './test-fixtures.ts';

const dir = mkdtempSync(join(tmpdir(), 'drift-coverage-test-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const SERVER = 'http://127.0.0.1:9/api';

describe('driftCoverage', () => {
  it('reads the statuses redocly drift saw per operation, over several HAR files', async () => {
    const first = join(dir, 'first.har');
    const second = join(dir, 'second.har');
    writeFileSync(first, har([harEntry('POST', `${SERVER}/pets`, 201, '', '{}'), harEntry('GET', `${SERVER}/pets/%E0%A4%A`, 404, '{}')]));
    writeFileSync(second, har([harEntry('POST', `${SERVER}/pets`, 500, '{}', '{}'), harEntry('GET', 'http://127.0.0.1:9/elsewhere', 404, '{}')]));

    const coverage = await driftCoverage({ har: [first, second], spec: PETS_SPEC, server: SERVER });

    expect(Object.fromEntries([...coverage.reached].map(([id, statuses]) => [id, [...statuses].sort()]))).toEqual({ createPet: [201, 500], getPet: [404] });
    expect(coverage.exchanges).toEqual({ total: 4, matched: 3 });
  }, 30_000);
});

describe('parseDriftCoverage', () => {
  it('refuses a report of another shape instead of reading it as "nothing reached"', () => {
    expect(() => parseDriftCoverage({ version: 2, operations: [] })).toThrow('unexpected redocly drift coverage report (version 2)');
  });
});
