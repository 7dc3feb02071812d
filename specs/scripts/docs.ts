// Renders an HTML reference per API with the Redoc bundle inlined, so the pages open with no network.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { apiNames, specsDir } from './apis.ts';
import { runRedocly } from './run-redocly.ts';

const outDir = join(specsDir, 'docs');
mkdirSync(outDir, { recursive: true });
for (const api of apiNames()) {
  runRedocly(['build-docs', api, '--inlineBundle', '--output', join(outDir, `${api}.html`)]);
  console.log(`docs: specs/docs/${api}.html`);
}
