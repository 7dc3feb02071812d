import { readFile } from 'node:fs/promises';
import type { Handler } from 'hono';

/**
 * `GET /docs`: the offline HTML reference of the API (`npm run docs` in specs renders it; the build
 * copies it to `dist/docs.html`). Read on first use and kept; absent: 404 saying how to make it.
 */
export function docsHandler(file: string | undefined): Handler {
  let html: Promise<string | undefined> | undefined;
  const load = () => (file === undefined ? Promise.resolve(undefined) : readFile(file, 'utf8').catch(() => undefined));
  return async (c) => {
    html ??= load();
    const page = await html;
    // Not cached while missing, so that running `npm run docs` fixes it without a restart.
    if (page === undefined) {
      html = undefined;
      return c.text('The API reference has not been built: run `npm run docs` (in specs/ or at the root), then `npm run build`.\n', 404);
    }
    return c.html(page);
  };
}
