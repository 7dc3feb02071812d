import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bundleServer } from '@repo/build/build-server';

const dataDir = mkdtempSync(join(tmpdir(), 'camunda-index-'));
// src/index.ts bundled once, as `npm run build` does but beside src/ and never in dist/: a start
// from it costs ~0.6 CPU-s against ~2.3 through tsx, which compiles every module at each start.
const bundle = fileURLToPath(new URL(`../.index-test/server-${process.pid}.js`, import.meta.url));
beforeAll(() => bundleServer({ appUrl: new URL('../package.json', import.meta.url).href, outfile: bundle }));
const children: ChildProcess[] = [];
afterAll(() => {
  for (const file of [bundle, `${bundle}.map`]) rmSync(file, { force: true });
  // A failed assertion must not leave a server behind.
  for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  rmSync(dataDir, { recursive: true, force: true });
});

/** Starts src/index.ts (bundled) on a free port. */
function start(env: Record<string, string> = {}) {
  const child = spawn(process.execPath, ['--enable-source-maps', bundle], {
    env: { PATH: process.env['PATH'] ?? '', CAMUNDA_PORT: '0', DATA_DIR: dataDir, LOG_LEVEL: 'info', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  const lines: Record<string, unknown>[] = [];
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const ready = new Promise<string>((resolve, reject) => {
    createInterface({ input: child.stdout! }).on('line', (line) => {
      const entry = JSON.parse(line) as Record<string, unknown>;
      lines.push(entry);
      if (typeof entry['baseUrl'] === 'string') resolve(entry['baseUrl']);
    });
    void exited.then((code) => reject(new Error(`exited with ${code} before listening`)));
  });
  return { child, lines, ready, exited };
}

describe('src/index.ts', () => {
  it('generates the admin password once, serves /v2, and exits 0 on SIGTERM after closing the database', async () => {
    const first = start();
    const baseUrl = await first.ready;
    expect(baseUrl).toMatch(/^http:\/\/localhost:\d+\/v2$/);
    const banner = first.lines.find((l) => String(l['msg']).includes('BOOTSTRAP ADMIN CREATED'));
    const password = /password "([^"]+)"/.exec(String(banner?.['msg']))?.[1];
    expect(password).toMatch(/^[\w-]{24}$/);

    const response = await fetch(`${baseUrl}/users/search`, {
      method: 'POST',
      headers: { authorization: `Basic ${Buffer.from(`admin:${password}`).toString('base64')}` },
    });
    expect(response.status).toBe(200);
    first.child.kill('SIGTERM');
    expect(await first.exited).toBe(0);
    expect(first.lines.map((l) => l['msg'])).toContain('shut down');

    // A second start on the same data keeps the admin and never prints a password again.
    const second = start();
    await second.ready;
    second.child.kill('SIGTERM');
    expect(await second.exited).toBe(0);
    expect(JSON.stringify(second.lines)).not.toContain(password);
    expect(second.lines.some((l) => String(l['msg']).startsWith('an admin exists'))).toBe(true);
  }, 30_000);

  it('refuses to start on invalid configuration, naming the variable', async () => {
    const run = start({ CAMUNDA_PORT: 'eighty' });
    let stderr = '';
    run.child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    run.ready.catch(() => {});
    expect(await run.exited).toBe(1);
    expect(stderr).toContain('CAMUNDA_PORT');
  }, 30_000);

  it('retries an unreachable database for DATABASE_STARTUP_TIMEOUT_SECONDS, then exits 1 with one fatal line', async () => {
    // Port 1 on loopback: nothing listens, every try is refused.
    const run = start({ DATABASE_URL: 'postgres://postgres@127.0.0.1:1/none', DATABASE_STARTUP_TIMEOUT_SECONDS: '1' });
    let stderr = '';
    run.child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    run.ready.catch(() => {});
    expect(await run.exited).toBe(1);
    expect(run.lines.filter((l) => l['msg'] && String(l['msg']).includes('retrying in')).length).toBeGreaterThan(1);
    const fatal = run.lines.filter((l) => l['level'] === 60);
    expect(fatal).toHaveLength(1);
    expect(String(fatal[0]!['msg'])).toMatch(/^cannot start: the database did not answer within 1 s \(\d+ attempts; last: .*ECONNREFUSED/);
    expect(fatal[0]!['err']).toBeUndefined();
    expect(stderr).toBe('');
  }, 30_000);
});
