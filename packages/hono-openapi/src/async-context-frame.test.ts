import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const major = Number(process.versions.node.split('.')[0]);
const fixtureApp = fileURLToPath(new URL('../test/fixture-app.ts', import.meta.url));

/**
 * The prototype of Node's internal AsyncContextFrame class, before and after `createOpenApiApp`,
 * in a fresh Node (this process has long made its choice).
 */
function prototypesAroundCreate(): string[] {
  const script = `
    const frame = () => Object.getPrototypeOf(require('internal/async_context_frame')).name;
    const before = frame();
    import(${JSON.stringify(fixtureApp)}).then(({ fixtureApp }) => {
      fixtureApp();
      console.log(JSON.stringify([before, frame()]));
    });`;
  const out = execFileSync(process.execPath, ['--expose-internals', '--import', 'tsx', '-e', script], { encoding: 'utf8' });
  return JSON.parse(out) as string[];
}

describe('settleAsyncContextFrame', () => {
  // Node 24 is the first to run AsyncLocalStorage on AsyncContextFrame by default.
  it.runIf(major >= 24)('has Node choose AsyncContextFrame when the app is created, not at its first requests', () => {
    expect(prototypesAroundCreate()).toEqual(['InactiveAsyncContextFrame', 'ActiveAsyncContextFrame']);
  });
});
