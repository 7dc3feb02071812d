/**
 * End to end: the built page in headless Chromium against both Prism mocks. One build, one mock
 * start and one browser for the whole file; the tests share one page and run in order.
 */
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { type AddressInfo, createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startMocks } from '@repo/mock';
import camunda from '@repo/specs/generated/camunda.openapi.json' with { type: 'json' };
import onezone from '@repo/specs/generated/onezone.openapi.json' with { type: 'json' };
import { type Browser, chromium, type Page } from 'playwright-core';
import { build, type PreviewServer, preview } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// Debian's package (`apt-get install chromium`): playwright-core never downloads a browser here.
const CHROMIUM = '/usr/bin/chromium';
const webDir = fileURLToPath(new URL('..', import.meta.url));
const resultsDir = path.join(webDir, 'test-results');
const hasChromium = existsSync(CHROMIUM);

if (!hasChromium) {
  const message = `${CHROMIUM} is missing (apt-get install -y chromium)`;
  if (process.env.CI) throw new Error(`${message}: the browser test cannot run in CI without it.`);
  console.warn(`\n⚠ Skipping the browser test of apps/web: ${message}.\n`);
}

// What the mock answers comes from the spec's named examples; the test reads them from the raw
// bundle (not through the page's own scenario code) so that a bug there cannot hide.
const examples = { camunda: camunda.components.examples, onezone: onezone.components.examples };
const expected = {
  userKey: String(examples.camunda.CreateUserCreated.value.userKey),
  duplicateDetail: examples.camunda.CreateUserDuplicateUsername.value.detail,
  onezoneId: examples.onezone.locationRudolfLingens.value.split('/').at(-1) ?? '',
  badUsername: examples.onezone.badValueUsername.value.error.description,
  onezoneToken: examples.onezone.clientToken.value.token,
};

/** A port nothing listens on: bound once by the OS, then released. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

describe.skipIf(!hasChromium)('demo page against the mocks', () => {
  let outDir: string;
  let server: PreviewServer;
  let mocks: Awaited<ReturnType<typeof startMocks>>;
  let browser: Browser;
  let page: Page;
  const pageErrors: string[] = [];

  /** Waits until the element's text contains `text`, then returns the whole text. */
  async function textOf(selector: string, text: string): Promise<string> {
    const handle = await page.waitForFunction(
      ([sel, wanted]) => {
        const content = document.querySelector(sel)?.textContent ?? '';
        return content.includes(wanted) && content;
      },
      [selector, text] as const,
      { timeout: 10_000 },
    );
    return String(await handle.jsonValue());
  }

  /** A full-page screenshot into test-results/ (gitignored), to look at after a run. */
  async function screenshot(name: string): Promise<void> {
    await mkdir(resultsDir, { recursive: true });
    await page.screenshot({ path: path.join(resultsDir, `demo-${name}.png`), fullPage: true });
  }

  beforeAll(async () => {
    outDir = await mkdtemp(path.join(tmpdir(), 'web-e2e-'));
    // Build, mocks and browser are independent: start them together.
    const [, startedMocks, launched] = await Promise.all([
      build({ root: webDir, configFile: false, logLevel: 'warn', build: { outDir, emptyOutDir: true } }),
      startMocks({ camundaPort: 0, onezonePort: 0, watch: false }),
      chromium.launch({
        executablePath: CHROMIUM,
        args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
      }),
    ]);
    mocks = startedMocks;
    browser = launched;
    server = await preview({ root: webDir, configFile: false, logLevel: 'warn', build: { outDir }, preview: { host: '127.0.0.1', port: 0 } });
    const pageUrl = server.resolvedUrls?.local[0];
    if (!pageUrl) throw new Error('vite preview did not report its URL');

    page = await browser.newPage({ viewport: { width: 1100, height: 900 } });
    page.on('pageerror', (error) => pageErrors.push(error.message));
    // The page's base URLs come from the query string: the mocks run on free ports here. The
    // "real server" target points at the Camunda mock too, to see what the page sends to a server.
    const query = new URLSearchParams({
      camundaMock: mocks.camunda.baseUrl,
      onezoneMock: mocks.onezone.baseUrl,
      camundaServer: mocks.camunda.baseUrl,
    });
    await page.goto(`${pageUrl}?${query}`);
  });

  afterAll(async () => {
    await browser?.close();
    await Promise.all([server?.close(), mocks?.close()]);
    if (outDir) await rm(outDir, { recursive: true, force: true });
  });

  it('lists the users of the mock on load', async () => {
    expect(await textOf('#camunda-users', 'jdoe')).toContain('jane.doe@example.com');
  });

  it('creates a Camunda user and shows its userKey', async () => {
    await page.selectOption('#camunda-create-scenario', '');
    await page.fill('#camunda-create input[name="username"]', 'jdoe');
    await page.click('#camunda-submit');
    expect(await textOf('#camunda-result.success', expected.userKey)).toContain('Created user jdoe');
  });

  it("shows Camunda's problem detail for the duplicateUsername scenario", async () => {
    await page.selectOption('#camunda-create-scenario', 'code=409, example=duplicateUsername');
    await page.click('#camunda-submit');
    expect(await textOf('#camunda-result.error', expected.duplicateDetail)).toContain('409 ALREADY_EXISTS');
    await screenshot('camunda');
  });

  it('creates an Onezone user and shows the id from Location', async () => {
    await page.check('input[name="api"][value="onezone"]');
    await page.waitForSelector('#onezone-create', { state: 'visible' });
    expect(await page.inputValue('#base-url')).toBe(mocks.onezone.baseUrl);
    await page.click('#onezone-submit');
    expect(await textOf('#onezone-result.success', expected.onezoneId)).toContain('Created user r.lingens');
    // The list is list_users plus one get_user per id.
    expect(await textOf('#onezone-users', 'Rudolf Lingens')).toContain(expected.onezoneId);
  });

  it("shows Onezone's error id and description for the badValueUsername scenario", async () => {
    await page.selectOption('#onezone-create-scenario', 'code=400, example=badValueUsername');
    await page.click('#onezone-submit');
    const text = await textOf('#onezone-result.error', expected.badUsername);
    expect(text).toMatch(/^400 /);
    expect(text).toContain('(badValueUsername)');
    await screenshot('onezone');
  });

  it('creates an Onezone client token, signs in with it and changes the password with it', async () => {
    await page.click('#onezone-token');
    expect(await textOf('#onezone-token-result.success', expected.onezoneToken)).toContain('Signed in with token');
    await page.fill('#onezone-password input[name="oldPassword"]', 'lS1c6FD2mxB2ff');
    await page.fill('#onezone-password input[name="newPassword"]', 'n3w-Passw0rd-2026');
    await page.click('#onezone-password-submit');
    await textOf('#onezone-password-result.success', 'Password changed');
  });

  it('sends no scenario to the real server', async () => {
    await page.check('input[name="api"][value="camunda"]');
    await page.selectOption('#camunda-create-scenario', 'code=409, example=duplicateUsername');
    await page.check('input[name="target"][value="server"]');
    expect(await page.isVisible('#camunda-create-scenario')).toBe(false);
    await page.click('#camunda-submit');
    // Without `Prefer` the mock (standing in for the server here) answers its default: created.
    await textOf('#camunda-result.success', expected.userKey);
  });

  it('says so when the target does not answer', async () => {
    await page.fill('#base-url', `http://127.0.0.1:${await closedPort()}/v2`);
    await page.click('#camunda-refresh');
    expect(await textOf('#camunda-users.error', 'No answer from')).toContain('Is it running');
  });

  it('raises no uncaught errors in the page', () => {
    expect(pageErrors).toEqual([]);
  });
});
