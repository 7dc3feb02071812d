/**
 * `setupWorker` in Debian's Chromium: a page (e2e/page/) starts MSW's service worker with the
 * handlers of both APIs and calls them through the typed clients. Without Chromium the test is
 * skipped with a warning, or fails when `CI` is set (as apps/web's browser test does).
 */
import { existsSync } from 'node:fs';
import { copyFile, mkdtemp, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Browser, chromium } from 'playwright-core';
import { createServer, type ViteDevServer } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { camunda } from '../src/camunda.ts';
import { onezone } from '../src/onezone.ts';

const CHROMIUM = '/usr/bin/chromium';
const hasChromium = existsSync(CHROMIUM);
if (!hasChromium) {
  const message = `${CHROMIUM} is missing (apt-get install -y chromium)`;
  if (process.env.CI) throw new Error(`${message}: the browser test cannot run in CI without it.`);
  console.warn(`\n⚠ Skipping the setupWorker browser test of packages/msw-handlers: ${message}.\n`);
}

const pageDir = fileURLToPath(new URL('./page/', import.meta.url));
const example = (api: typeof camunda, operationId: string, name: string) =>
  api.examples.find((candidate) => candidate.operationId === operationId && candidate.name === name)!;

describe.skipIf(!hasChromium)('setupWorker in a browser', () => {
  let publicDir: string;
  let server: ViteDevServer;
  let browser: Browser;
  let results: Record<string, { status: number; data?: unknown; error?: unknown; id?: string }>;

  beforeAll(async () => {
    // The service worker script, as `npx msw init <public dir>` would copy it, from the installed msw.
    publicDir = await mkdtemp(path.join(tmpdir(), 'msw-worker-'));
    const workerScript = createRequire(import.meta.url).resolve('msw/mockServiceWorker.js');
    await copyFile(workerScript, path.join(publicDir, 'mockServiceWorker.js'));
    [server, browser] = await Promise.all([
      createServer({ root: pageDir, publicDir, configFile: false, logLevel: 'warn', server: { host: '127.0.0.1', port: 0 } }).then((dev) => dev.listen()),
      chromium.launch({ executablePath: CHROMIUM, args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'] }),
    ]);
    const url = server.resolvedUrls?.local[0];
    if (!url) throw new Error('vite did not report its URL');
    const page = await browser.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(url);
    const handle = await page.waitForFunction(() => document.getElementById('results')?.textContent?.startsWith('{') && document.getElementById('results')?.textContent, undefined, { timeout: 60_000 }).catch((error: unknown) => {
      throw new Error(`the page did not finish: ${errors.join('; ') || String(error)}`);
    });
    results = JSON.parse(String(await handle.jsonValue()));
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    if (publicDir) await rm(publicDir, { recursive: true, force: true });
  });

  it('answers the default scenario of an operation', () => {
    expect(results.found).toEqual({ status: 200, data: example(camunda, 'searchUsers', 'found').body });
  });

  it('answers the scenario a story picks with worker.use', () => {
    expect(results.duplicate).toEqual({ status: 409, error: example(camunda, 'createUser', 'duplicateUsername').body });
  });

  it('answers a bodiless scenario with its Location header', () => {
    const location = onezone.examples.find((candidate) => candidate.operationId === 'create_user' && candidate.status === 201)!.headers.Location!;
    expect(results.created).toEqual({ status: 201, id: location.split('/').at(-1) });
  });

  it('answers the scenario chosen for an operation in handlers()', () => {
    const forbidden = onezone.examples.find((candidate) => candidate.operationId === 'list_users' && candidate.status === 403)!;
    expect(results.listed).toEqual({ status: 403, error: forbidden.body });
  });
});
