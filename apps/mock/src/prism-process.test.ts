import { spawnSync } from 'node:child_process';
import { createServer as createHttpServer } from 'node:http';
import { createServer, type Server } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MOCKED_APIS } from './apis.ts';
import { freePort, listensOn, startPrism } from './prism-process.ts';

// A port something else listens on: what a picked port can turn into before Prism binds it.
let holder: Server;
let heldPort: number;
beforeAll(async () => {
  // Connections are cut at once: the start-up probe may knock on this port too.
  holder = createServer((socket) => socket.destroy());
  await new Promise<void>((resolve) => holder.listen(0, '127.0.0.1', resolve));
  heldPort = (holder.address() as { port: number }).port;
});
afterAll(() => new Promise<void>((resolve) => holder.close(() => resolve())));

const options = (pickPort: (host: string) => Promise<number>, lines: string[]) => ({
  document: MOCKED_APIS[0]!.bundlePath,
  host: '127.0.0.1',
  port: 0,
  dynamic: false,
  logLevel: 'error' as const,
  onLine: (line: string) => lines.push(line),
  pickPort,
});

describe('startPrism on port 0', () => {
  it('tries another port when the one it picked was taken before Prism listened', async () => {
    const picks = [heldPort];
    const lines: string[] = [];
    const prism = await startPrism(options(async (host) => picks.shift() ?? freePort(host), lines));
    try {
      expect(prism.port).not.toBe(heldPort);
      expect(lines).toContain(`port ${heldPort} was taken before Prism listened on it; trying another`);
      const answer = await fetch(`http://127.0.0.1:${prism.port}/users/search`, { method: 'POST', headers: { Authorization: `Basic ${btoa('a:b')}` } });
      expect(answer.status).toBeLessThan(500);
    } finally {
      await prism.stop();
    }
  }, 60_000);
});

describe('startPrism when another HTTP server took the picked port', () => {
  it('waits for its own Prism, not the first answer on the port, and moves to another port', async () => {
    // Another mock's guard, say, which answers everything at once.
    const other = createHttpServer((_req, res) => res.writeHead(204).end());
    await new Promise<void>((resolve) => other.listen(0, '127.0.0.1', resolve));
    const otherPort = (other.address() as { port: number }).port;
    const picks = [otherPort];
    const lines: string[] = [];
    try {
      const prism = await startPrism(options(async (host) => picks.shift() ?? freePort(host), lines));
      try {
        expect(prism.port).not.toBe(otherPort);
        expect(lines).toContain(`port ${otherPort} was taken before Prism listened on it; trying another`);
      } finally {
        await prism.stop();
      }
    } finally {
      await new Promise<void>((resolve) => other.close(() => resolve()));
    }
  }, 60_000);

  it.runIf(process.platform === 'linux')('tells which process listens on a port', async () => {
    expect(listensOn(process.pid, heldPort)).toBe(true);
    expect(listensOn(process.pid, await freePort('127.0.0.1'))).toBe(false);
  });

  it.runIf(process.platform === 'linux')('tells that a process which has exited and been reaped listens on nothing', () => {
    const gone = spawnSync(process.execPath, ['-e', '0']).pid;
    expect(listensOn(gone, heldPort)).toBe(false);
  });
});
