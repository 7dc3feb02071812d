import { readFile } from 'node:fs/promises';
import openapiTS, { astToString } from 'openapi-typescript';
import { expect, it } from 'vitest';

// The golden output: test/fixtures/fixture.ts must be what openapi-typescript makes of the
// fixture spec today (`npm run generate:fixture -w @repo/hono-openapi` refreshes it).
it('keeps the committed fixture types in step with the fixture spec', async () => {
  const generated = astToString(await openapiTS(new URL('./fixtures/fixture.openapi.json', import.meta.url)));
  const committed = await readFile(new URL('./fixtures/fixture.ts', import.meta.url), 'utf8');
  expect(committed.endsWith(generated)).toBe(true);
});
