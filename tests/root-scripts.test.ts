/**
 * The root scripts that keep running, stopped the way tooling stops them: a SIGTERM to `npm` (what
 * a process manager, `concurrently`, an IDE's stop button or a CI step's timeout sends). npm passes
 * it to the script's shell only, and a shell that is not replaced by the runner (`exec`) dies
 * without passing it on: the mock and its Prism children went on holding the ports, so the next
 * `npm run mock` could not start. The scripts `exec` their runner, which stops its children.
 */
import { spawn } from 'node:child_process';
import { connect } from 'node:net';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from './support/apis.ts';

const scripts = (JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts;

/** Whether something accepts connections on 127.0.0.1:`port`. */
function listening(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host: '127.0.0.1', port });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

/** Polls until nothing listens on any of `ports`, or `ms` pass; resolves to the ports still taken. */
async function portsStillTaken(ports: readonly number[], ms: number): Promise<number[]> {
  const deadline = Date.now() + ms;
  for (;;) {
    const taken = (await Promise.all(ports.map(async (port) => ((await listening(port)) ? port : undefined)))).filter((port) => port !== undefined);
    if (taken.length === 0 || Date.now() > deadline) return taken;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** Polls until no process of group `pgid` is left, or `ms` pass; resolves to whether some still is. */
async function groupAliveAfter(pgid: number, ms: number): Promise<boolean> {
  const deadline = Date.now() + ms;
  for (;;) {
    try {
      process.kill(-pgid, 0);
    } catch {
      return false;
    }
    if (Date.now() > deadline) return true;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe.each([
  { script: 'mock', env: { CAMUNDA_MOCK_PORT: '0', ONEZONE_MOCK_PORT: '0' }, ready: /^Onezone mock: /m },
  { script: 'mock:stateful', env: { CAMUNDA_STATEFUL_MOCK_PORT: '0', ONEZONE_STATEFUL_MOCK_PORT: '0' }, ready: /^Onezone stateful mock: /m },
])('`npm run $script`', ({ script, env, ready }) => {
  it('stops with everything it started when npm gets SIGTERM, leaving its ports free', async () => {
    // Its own process group, so that whatever it leaves behind can still be found and killed.
    const npm = spawn('npm', ['run', script], { cwd: repoRoot, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
    let output = '';
    npm.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    npm.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const exited = new Promise<number | null>((resolve) => npm.once('exit', (code) => resolve(code)));
    try {
      await expect.poll(() => ready.test(output), { timeout: 25_000, interval: 100 }).toBe(true);
      const ports = [...output.matchAll(/mock: http:\/\/127\.0\.0\.1:(\d+)\//g)].map((match) => Number(match[1]));
      expect(ports, output).toHaveLength(2);
      expect(await portsStillTaken(ports, 0), 'the mocks answer before the signal').toEqual(ports);

      npm.kill('SIGTERM');
      await exited;
      expect(await portsStillTaken(ports, 10_000), output).toEqual([]);
      // npm exits once its child has; the runner below it may still be removing its files. Nothing
      // of the group may outlive its own shutdown. (The SIGKILL below is for a failed test: sent as
      // soon as the ports were free, it could cut that shutdown short, and one run left two of the
      // mocks' temp folders behind.)
      expect(await groupAliveAfter(npm.pid!, 10_000), output).toBe(false);
    } finally {
      try {
        process.kill(-npm.pid!, 'SIGKILL');
      } catch {
        // The group is gone: nothing was left behind.
      }
    }
  });
});

describe('the long-running root scripts', () => {
  // `npm start` and `npm run dev` are not started here: under `npm test` their turbo would build the
  // apps' dist/ while other suites serve from it. Their turbo, once it gets the signal, stops both
  // servers gracefully (checked by hand: both log "signal received" and "shut down").
  it.each(['start', 'dev', 'mock', 'mock:stateful', 'dev:specs'])('`%s` hands its process to its runner (exec), so a signal to npm reaches it', (name) => {
    const last = scripts[name]!.split(/;\s*/).at(-1)!;
    expect(last).toMatch(/^(?:\w+=\S+\s+)*exec\s/);
  });
});
