import { describe, expect, it } from 'vitest';
import { isRunningOn, parseNodeChoice, resolveNodeBinary } from './node-binary.ts';

describe('--node', () => {
  it('takes a major version or a path, and nothing else', () => {
    expect(parseNodeChoice('24')).toEqual({ major: 24 });
    expect(parseNodeChoice('/usr/local/bin/node')).toEqual({ path: '/usr/local/bin/node' });
    expect(() => parseNodeChoice('latest')).toThrow(/major version/);
    expect(() => parseNodeChoice('18')).toThrow(/cannot run the servers/);
  });

  it('knows when the running process already is the choice, so it re-executes only once', () => {
    expect(isRunningOn({ major: 24 }, 'v24.21.0')).toBe(true);
    expect(isRunningOn({ major: 24 }, 'v20.20.2')).toBe(false);
    expect(isRunningOn({ major: 2 }, 'v24.21.0')).toBe(false);
    expect(isRunningOn({ path: '/opt/node/bin/node' }, 'v24.21.0', '/opt/node/bin/node')).toBe(true);
    expect(isRunningOn({ path: '/opt/node/bin/node' }, 'v24.21.0', '/usr/bin/node')).toBe(false);
  });

  it('refuses a path that is not an executable', () => {
    expect(() => resolveNodeBinary({ path: '/nonexistent/node' })).toThrow(/ENOENT/);
  });
});
