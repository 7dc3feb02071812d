import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { bundleServer } from '@repo/build/build-server';

const appDir = fileURLToPath(new URL('..', import.meta.url));
// src/index.ts bundled once, as `npm run build` does but beside src/ and never in dist/: a start
// from it costs ~0.6 CPU-s against ~2.3 through tsx, which compiles every module at each start.
const bundle = join(appDir, '.index-test', `server-${process.pid}.js`);
beforeAll(() => bundleServer({ appUrl: new URL('../package.json', import.meta.url).href, outfile: bundle }));
afterAll(() => {
  for (const file of [bundle, `${bundle}.map`]) rmSync(file, { force: true });
});

/** Starts src/index.ts (bundled) and collects its log lines. */
function start(env: Record<string, string>) {
  const child = spawn(process.execPath, ['--enable-source-maps', bundle], {
    cwd: appDir,
    env: { PATH: process.env['PATH'] ?? '', NODE_ENV: 'production', ONEZONE_PORT: '0', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const waitFor = async (pattern: RegExp, ms = 20_000): Promise<RegExpMatchArray> => {
    const deadline = Date.now() + ms;
    while (Date.now() < deadline) {
      const match = output.match(pattern);
      if (match) return match;
      await new Promise((r) => setTimeout(r, 50));
    }
    throw new Error(`timed out waiting for ${pattern} in:\n${output}`);
  };
  return { child, exited, waitFor, output: () => output };
}

describe('src/index.ts', () => {
  let dataDir: string;
  beforeEach(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'onezone-index-'));
  });
  afterEach(() => rmSync(dataDir, { recursive: true, force: true }));

  it('prints the base URL and a generated admin password once, serves, and exits 0 on SIGTERM after closing the database', async () => {
    const server = start({ DATA_DIR: dataDir });
    const [, password] = await server.waitFor(/BOOTSTRAP ADMIN CREATED: username \\"admin\\", password \\"([^\\]+)\\"/);
    const [, baseUrl] = await server.waitFor(/Onezone API at (http:\/\/localhost:\d+\/api\/v3\/onezone)/);
    const response = await fetch(`${baseUrl}/user`, { headers: { Authorization: `Basic ${Buffer.from(`admin:${password}`).toString('base64')}` } });
    expect(response.status).toBe(200);
    server.child.kill('SIGTERM');
    expect(await server.exited).toBe(0);
    expect(server.output()).toContain('database closed');

    // Second start on the same data: the admin is kept and no password is printed again.
    const again = start({ DATA_DIR: dataDir });
    await again.waitFor(/Onezone API at/);
    expect(again.output()).not.toContain('BOOTSTRAP ADMIN CREATED');
    expect(again.output()).toContain('an admin exists; its password was printed on its first start');
    again.child.kill('SIGTERM');
    expect(await again.exited).toBe(0);
  }, 60_000);

  it('exits 1 naming the variable when the configuration is invalid', async () => {
    const server = start({ DATA_DIR: dataDir, ONEZONE_PORT: 'eighty' });
    expect(await server.exited).toBe(1);
    expect(server.output()).toContain('ONEZONE_PORT');
  }, 30_000);

  it('retries an unreachable database for DATABASE_STARTUP_TIMEOUT_SECONDS, then exits 1 with one fatal line and no stack', async () => {
    // Port 1 on loopback: nothing listens, every try is refused.
    const server = start({ DATA_DIR: dataDir, DATABASE_URL: 'postgres://postgres@127.0.0.1:1/none', DATABASE_STARTUP_TIMEOUT_SECONDS: '1' });
    expect(await server.exited).toBe(1);
    const lines = server.output().trim().split('\n');
    const fatal = lines.filter((line) => line.includes('"level":60'));
    expect(fatal).toHaveLength(1);
    expect(fatal[0]).toMatch(/"msg":"cannot start: the database did not answer within 1 s \(\d+ attempts; last: [^"]*ECONNREFUSED/);
    expect(server.output()).not.toMatch(/\n\s+at /);
  }, 30_000);
});
