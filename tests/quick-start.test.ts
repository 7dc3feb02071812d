/**
 * The README's Quick start, as written: the apps built as `npm start` builds them and served from
 * `dist/` with the admin credentials of the README's `npm start` line, then the README's own curl
 * commands (read from README.md, not copied here) run with the real curl. Only the ports change
 * (the OS picks free ones), `<id from Location>` becomes the id the previous command's `Location`
 * header named, and the data goes to a temp folder instead of `apps/<api>/data/`.
 *
 * Built `dist/`, not `src/`: the README's `npm start` builds and serves the bundles, and a bundling
 * mistake (an external that does not resolve, a missing docs copy) shows only there.
 */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { userIdFromLocation } from '@repo/onezone-client';
import { APIS, type ApiName } from './support/apis.ts';
import { buildIfStale } from './support/build-app.ts';
import { parseCommand, readmeShellBlocks, shellCommands } from './support/readme-quick-start.ts';
import { startServer, type RunningServer } from './support/start-server.ts';

const run = promisify(execFile);
const commands = readmeShellBlocks().flatMap(shellCommands);
const startLine = commands.map(parseCommand).find((c) => c.argv.join(' ') === 'npm start' && 'ADMIN_PASSWORD' in c.env);
const curls = commands.filter((text) => /^curl\s/.test(text));
const curlMissing = await run('curl', ['--version']).then(
  () => false,
  () => true,
);
if (curlMissing) {
  if (process.env['CI']) throw new Error('the Quick start test needs curl, and CI is set');
  console.warn('\n  SKIPPED the README Quick start test: curl is not installed.\n');
}

interface CurlResult {
  status: number;
  headers: Headers;
  body: string;
}

describe.skipIf(curlMissing)("README's Quick start", () => {
  const servers = {} as Record<ApiName, RunningServer>;
  const results: CurlResult[] = [];

  beforeAll(async () => {
    if (startLine === undefined) return;
    await Promise.all((['camunda', 'onezone'] as const).map((api) => buildIfStale(api)));
    const admin = { username: startLine.env['ADMIN_USERNAME'] ?? 'admin', password: startLine.env['ADMIN_PASSWORD']! };
    // `passwordHash: 'default'`: the README's `npm start` sets no PASSWORD_HASH_*, so the servers' own cost.
    const started = await Promise.allSettled(
      (['camunda', 'onezone'] as const).map(async (api) => (servers[api] = await startServer({ api, entry: 'dist', admin, passwordHash: 'default' }))),
    );
    const failed = started.find((s) => s.status === 'rejected');
    if (failed) throw failed.reason;
  });
  afterAll(async () => {
    await Promise.all(Object.values(servers).map((server) => server.stop()));
  });

  /** Runs the README's `index`-th curl command against the test servers. */
  async function runCurl(index: number): Promise<CurlResult> {
    let text = curls[index]!;
    const previous = results[index - 1];
    if (/<[^>]*Location[^>]*>/.test(text)) {
      const location = previous?.headers.get('location');
      if (!location) throw new Error(`"${text}" needs the Location of the command before it, which sent none`);
      text = text.replace(/<[^>]*Location[^>]*>/, userIdFromLocation(location));
    }
    text = text.replace(/https?:\/\/[^\s'"]+/g, (raw) => {
      const url = new URL(raw);
      const api = (Object.keys(APIS) as ApiName[]).find((name) => url.pathname.startsWith(APIS[name].basePath));
      if (api === undefined) throw new Error(`no API serves ${raw}`);
      url.port = String(servers[api].port);
      return url.toString();
    });
    const { argv } = parseCommand(text);
    // Only additions: a time limit, and the status on a line of its own after the output.
    const { stdout } = await run('curl', [...argv.slice(1), '--max-time', '20', '--write-out', '\n%{http_code}']);
    const cut = stdout.lastIndexOf('\n');
    const output = stdout.slice(0, cut);
    const headers = new Headers();
    let body = output;
    if (/^HTTP\/[\d.]+ \d{3}/.test(output)) {
      const split = output.indexOf('\r\n\r\n');
      body = split < 0 ? '' : output.slice(split + 4);
      for (const line of output.slice(0, split < 0 ? undefined : split).split('\r\n').slice(1)) {
        const colon = line.indexOf(':');
        if (colon > 0) headers.append(line.slice(0, colon).trim(), line.slice(colon + 1).trim());
      }
    }
    const result = { status: Number(stdout.slice(cut + 1)), headers, body };
    results[index] = result;
    return result;
  }

  it('sets the admin credentials on its npm start line', () => {
    expect(startLine?.env).toMatchObject({ ADMIN_USERNAME: expect.any(String), ADMIN_PASSWORD: expect.any(String) });
  });

  it('has four curl commands: two for Camunda, two for Onezone', () => {
    expect(curls.map((text) => (text.includes('/v2/') ? 'camunda' : text.includes('/api/v3/onezone/') ? 'onezone' : text))).toEqual([
      'camunda',
      'camunda',
      'onezone',
      'onezone',
    ]);
  });

  it("prints each API's base URL and docs page on start", () => {
    expect(servers.camunda.log()).toContain(`Camunda API at http://localhost:${servers.camunda.port}/v2 (docs http://localhost:${servers.camunda.port}/docs`);
    expect(servers.onezone.log()).toContain(`Onezone API at http://localhost:${servers.onezone.port}/api/v3/onezone (docs http://localhost:${servers.onezone.port}/docs`);
  });

  it('creates jane in Camunda: 202 with a userKey', async () => {
    const { status, body } = await runCurl(0);
    expect(status).toBe(202);
    expect(JSON.parse(body)).toEqual({ userKey: expect.any(Number) });
  });

  it('finds jane with the Camunda search', async () => {
    const { status, body } = await runCurl(1);
    expect(status).toBe(200);
    expect(JSON.parse(body)).toMatchObject({ items: [{ username: 'jane', name: 'Jane Doe', email: 'jane@example.com' }], page: { totalItems: 1 } });
  });

  it('creates Rudolf Lingens in Onezone: 201 with a Location', async () => {
    const { status, headers } = await runCurl(2);
    expect(status).toBe(201);
    expect(headers.get('location')).toMatch(new RegExp(`^http://localhost:${servers.onezone.port}/api/v3/onezone/users/[^/]+$`));
  });

  it('fetches Rudolf Lingens from the id in that Location', async () => {
    const { status, body } = await runCurl(3);
    expect(status).toBe(200);
    expect(JSON.parse(body)).toMatchObject({ fullName: 'Rudolf Lingens', username: 'r.lingens', userId: userIdFromLocation(results[2]!.headers.get('location')!) });
  });
});
