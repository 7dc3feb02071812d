import { closeSync, mkdtempSync, openSync, rmSync, writeFileSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { mapFile, mappingUnavailable } from './mapped-file.ts';

const dir = mkdtempSync(join(tmpdir(), 'mapped-file-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const unavailable = mappingUnavailable();

describe.skipIf(unavailable !== undefined)(`mapFile${unavailable === undefined ? '' : ` (not built here: ${unavailable})`}`, () => {
  it("shows another descriptor's writes to the file without reading it again", () => {
    const file = join(dir, 'shared');
    writeFileSync(file, Buffer.alloc(64));
    const reader = openSync(file, 'r');
    const writer = openSync(file, 'r+');
    const mapped = mapFile(reader, 48)!;
    try {
      expect(mapped.bytes).toHaveLength(48);
      expect(mapped.bytes.every((byte) => byte === 0)).toBe(true);
      writeSync(writer, Buffer.from([7, 8]), 0, 2, 46);
      expect([...mapped.bytes.subarray(44)]).toEqual([0, 0, 7, 8]);
    } finally {
      mapped.unmap();
      closeSync(reader);
      closeSync(writer);
    }
  });

  it('reads as empty once unmapped, and unmaps once', () => {
    const file = join(dir, 'unmapped');
    writeFileSync(file, Buffer.alloc(16, 1));
    const fd = openSync(file, 'r');
    const mapped = mapFile(fd, 16)!;
    closeSync(fd);
    expect(mapped.bytes[0]).toBe(1);
    mapped.unmap();
    expect(mapped.bytes).toHaveLength(0);
    expect(() => mapped.unmap()).not.toThrow();
  });

  it('refuses a descriptor it cannot map', () => {
    const fd = openSync(dir, 'r');
    try {
      expect(() => mapFile(fd, 48)).toThrow();
    } finally {
      closeSync(fd);
    }
    expect(() => mapFile(-1, 48)).toThrow(TypeError);
  });
});

describe('mappingUnavailable', () => {
  it.runIf(process.env['CI'] !== undefined && process.platform === 'linux')('finds the addon built under CI, where its install may not skip it', () => {
    expect(mappingUnavailable()).toBeUndefined();
  });
});
