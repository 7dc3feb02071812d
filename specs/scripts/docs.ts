// Renders an HTML reference per API with the Redoc bundle inlined, so the pages open with no network.
// Each page ends with the API's changelog against the git base of `npm run diff` (its "Changes"
// section), so readers of the docs see what changed for their clients.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { apiNames, specsDir } from './apis.ts';
import { runRedocly } from './run-redocly.ts';
import { compareWithBase, specBase } from './spec-base.ts';

const outDir = join(specsDir, 'docs');
mkdirSync(outDir, { recursive: true });
const base = specBase(process.env['SPEC_DIFF_BASE']);
const work = mkdtempSync(join(tmpdir(), 'specs-docs-'));
try {
  for (const api of apiNames()) {
    const bundlePath = join(work, `${api}.json`);
    runRedocly(['bundle', api, '--ext', 'json', '--output', bundlePath]);
    const changelog = base === undefined ? undefined : compareWithBase(api, base).changelog;
    if (changelog !== undefined) {
      const spec = JSON.parse(readFileSync(bundlePath, 'utf8')) as { info: { description?: string } };
      // Markdown headings in the description become entries of Redoc's side menu.
      const changes = readFileSync(changelog, 'utf8').replace(/^# .*: (changes since .*)$/m, '# Changes\n\nChanges $1.');
      spec.info.description = `${spec.info.description ?? ''}\n\n${changes}`;
      writeFileSync(bundlePath, JSON.stringify(spec));
    }
    runRedocly(['build-docs', bundlePath, '--inlineBundle', '--output', join(outDir, `${api}.html`)]);
    console.log(`docs: specs/docs/${api}.html${changelog === undefined ? '' : ` (changes: specs/docs/${api}-changes.md)`}`);
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}
