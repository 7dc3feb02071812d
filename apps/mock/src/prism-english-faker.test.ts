import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { MOCKED_APIS } from './apis.ts';
import { startPrism } from './prism-process.ts';

const preload = fileURLToPath(new URL('./prism-english-faker.cjs', import.meta.url));

// Runs in a plain Node process, as Prism does: faker as Prism's schema generator requires it, and
// as any other module does, each seeded alike so that their output can be compared.
const probe = `
const { createRequire } = require('node:module');
const path = require('node:path');
const prismHttp = createRequire(require.resolve('@stoplight/prism-cli/package.json')).resolve('@stoplight/prism-http');
const generator = path.join(path.dirname(prismHttp), 'mocker', 'generator', 'JSONSchema.js');
const sample = (faker) => { faker.seed(42); return [faker.name.firstName(), faker.internet.email(), faker.lorem.sentence()].join('|'); };
const prism = createRequire(generator)('@faker-js/faker').default;
const other = require('@faker-js/faker').default;
console.log(JSON.stringify({ prismLocales: Object.keys(prism.locales), otherLocales: Object.keys(other.locales).length, same: sample(prism) === sample(other) }));
`;

function runProbe(nodeArgs: string[]): { prismLocales: string[]; otherLocales: number; same: boolean } {
  const output = execFileSync(process.execPath, [...nodeArgs, '-e', probe], { cwd: fileURLToPath(new URL('..', import.meta.url)), encoding: 'utf8' });
  return JSON.parse(output) as { prismLocales: string[]; otherLocales: number; same: boolean };
}

describe('prism-english-faker.cjs', () => {
  it("gives Prism's generator faker's English-only instance, generating what the full one does", () => {
    const { prismLocales, otherLocales, same } = runProbe(['--require', preload]);
    expect(prismLocales).toEqual(['en']);
    expect(same).toBe(true);
    // Only Prism's request is redirected.
    expect(otherLocales).toBeGreaterThan(1);
  });

  it('is what makes the difference: without it Prism loads every locale', () => {
    expect(runProbe([]).prismLocales.length).toBeGreaterThan(1);
  });

  it('leaves Prism able to generate responses from the schemas (--dynamic)', async () => {
    const lines: string[] = [];
    const prism = await startPrism({ document: MOCKED_APIS[0]!.bundlePath, host: '127.0.0.1', port: 0, dynamic: true, logLevel: 'error', onLine: (line) => lines.push(line) });
    try {
      const answer = await fetch(`http://127.0.0.1:${prism.port}/users/search`, {
        method: 'POST',
        headers: { Authorization: `Basic ${btoa('a:b')}`, 'Content-Type': 'application/json' },
        body: '{}',
      });
      expect(answer.status, lines.join('\n')).toBe(200);
      expect(Array.isArray(((await answer.json()) as { items?: unknown }).items)).toBe(true);
    } finally {
      await prism.stop();
    }
  }, 60_000);
});
